// One event stream for all the open pages of the site, which dangjian serve's page script
// (live.js) shares through this worker: a browser keeps at most six connections to one
// server, and a stream per page would block the seventh page open.
var ports = [];
var version = null;  // the version of the last good build
var problems = null; // the last build's problems, while it fails

function post(message) {
	ports.forEach(function (port) { port.postMessage(message); });
}

var events = new EventSource("/__dangjian/events");
["hello", "reload", "problems"].forEach(function (name) {
	events.addEventListener(name, function (e) {
		var data = JSON.parse(e.data);
		version = data.version;
		problems = data.problems || null;
		post({event: name, data: data});
	});
});

// A page that opens is told the state at once, as the stream tells a new listener.
self.onconnect = function (e) {
	var port = e.ports[0];
	ports.push(port);
	if (version !== null) {
		port.postMessage({event: "hello", data: {version: version}});
	}
	if (problems) {
		port.postMessage({event: "problems", data: {version: version, problems: problems}});
	}
};
