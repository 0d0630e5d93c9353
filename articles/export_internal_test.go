package articles

// DocumentName is documentName, for the tests.
var DocumentName = documentName
