// Package genclient is a client of the doingoai API generated from its
// OpenAPI document by oapi-codegen, which nobody edits: .ci/openapi converts
// the document to OpenAPI 3 (openapi3.json), generates client.gen.go from it
// and runs the end-to-end test of this package (build tag genclient)
// against the real server on SQLite and on PostgreSQL. Both generated files
// are ignored by git.
//
// The package is a module of its own so that the generator and the runtime
// of the code it writes stay out of the service's go.mod.
package genclient
