// Package setup holds what README's two commands install besides Go's and npm's packages:
// debian-packages.sh, the one recipe by which make's targets install Debian packages. Its
// tests run the recipe, and make's targets through it, with stand-ins for dpkg, apt-get, id
// and sudo, as root, as a user with sudo and as a user without; and check that nothing needed
// to build, test or read the product lies outside the repository.
package setup
