// Package deploy holds what puts a built site on the intranet web server: nginx.conf, which
// serves it under /dangjian/, and publish.sh, which swaps a new build in atomically. Its test
// serves the real site with both through a real nginx and follows every link.
package deploy
