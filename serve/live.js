// dangjian serve adds this script to every page it serves (and only then): the page reloads
// when the site is rebuilt, keeping its scroll position, and shows the build's problems over
// the last good version while a build fails.
(function () {
	"use strict";
	var version = document.currentScript.dataset.version;
	// The heading of the box of problems, in the language of dangjian's messages.
	var failed = document.currentScript.dataset.failed;
	var scrollKey = "dangjian-scroll:" + location.pathname;

	// The scroll position saved before the reload; restored once images and charts are laid out.
	var saved = sessionStorage.getItem(scrollKey);
	if (saved) {
		sessionStorage.removeItem(scrollKey);
		if ("scrollRestoration" in history) {
			history.scrollRestoration = "manual";
		}
		var xy = JSON.parse(saved);
		var restore = function () { window.scrollTo(xy[0], xy[1]); };
		if (document.readyState === "complete") {
			restore();
		} else {
			window.addEventListener("load", restore);
		}
	}

	function reload() {
		sessionStorage.setItem(scrollKey, JSON.stringify([window.scrollX, window.scrollY]));
		location.reload();
	}

	function showProblems(problems) {
		var box = document.getElementById("dangjian-problems");
		if (!box) {
			box = document.createElement("div");
			box.id = "dangjian-problems";
			box.setAttribute("role", "alert");
			box.style.cssText = "position:fixed;inset:0;z-index:2147483647;overflow:auto;" +
				"background:rgba(20,20,20,.92);color:#fff;padding:2em;font:15px/1.6 monospace;text-align:left";
			document.body.appendChild(box);
		}
		box.textContent = "";
		var title = document.createElement("p");
		title.style.cssText = "color:#ff8a80;font-weight:bold;margin:0 0 1em";
		title.textContent = failed;
		box.appendChild(title);
		var list = document.createElement("pre");
		list.style.cssText = "white-space:pre-wrap;margin:0";
		list.textContent = problems.join("\n");
		box.appendChild(list);
	}

	function onEvent(name, data) {
		if (name === "problems") {
			showProblems(data.problems);
		} else if (data.version !== version) {
			// hello or reload: built again since this page was served, or the server restarted.
			reload();
		}
	}

	// A browser keeps at most six connections to one server: the pages share one event
	// stream through a worker. Where there are no shared workers, each page listens itself,
	// and lets go of its stream while it is not shown; the hello it gets when shown again
	// tells it whether it missed a build.
	if (window.SharedWorker) {
		var worker = new SharedWorker("/__dangjian/worker.js", {name: "dangjian"});
		worker.port.onmessage = function (e) { onEvent(e.data.event, e.data.data); };
		return;
	}
	var events = null;
	function listen() {
		events = new EventSource("/__dangjian/events");
		["hello", "reload", "problems"].forEach(function (name) {
			events.addEventListener(name, function (e) { onEvent(name, JSON.parse(e.data)); });
		});
	}
	document.addEventListener("visibilitychange", function () {
		if (document.hidden && events) {
			events.close();
			events = null;
		} else if (!document.hidden && !events) {
			listen();
		}
	});
	if (!document.hidden) {
		listen();
	}
})();
