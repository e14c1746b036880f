// Package openapi is the OpenAPI document of the service as its clients get
// it — the Swagger 2.0 document that swag generates from the handlers'
// annotations into docs/ and that the server serves at /swagger/doc.json —
// and its conversion to OpenAPI 3.0 for the tools that need that version
// (kin-openapi's validators, oapi-codegen and most client generators).
//
// Its tests are what keeps the document honest: it is valid (against the
// official Swagger 2.0 JSON Schema, and as OpenAPI 3 after conversion), it
// covers every route the server has and every endpoint of the contract, and
// the real answers of the server, on SQLite and on PostgreSQL, are what it
// says they are (the contract test).
package openapi

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/getkin/kin-openapi/openapi2"
	"github.com/getkin/kin-openapi/openapi2conv"
	"github.com/getkin/kin-openapi/openapi3"

	"doingoai/docs"
	"doingoai/internal/apidoc"
)

// Swagger2 returns the document exactly as the server serves it at
// /swagger/doc.json: swag's, completed by apidoc.Complete.
func Swagger2() []byte {
	b, err := apidoc.Complete([]byte(docs.SwaggerInfo.ReadDoc()))
	if err != nil {
		panic("the OpenAPI document does not read: " + err.Error())
	}
	return b
}

// V3 returns the document converted to OpenAPI 3.0 by kin-openapi's
// openapi2conv, with its references resolved. Nothing is added or changed
// beyond what the conversion does, so that any tool converting the served
// document gets the same result.
func V3(ctx context.Context) (*openapi3.T, error) {
	var doc2 openapi2.T
	if err := json.Unmarshal(Swagger2(), &doc2); err != nil {
		return nil, fmt.Errorf("read the Swagger 2.0 document: %w", err)
	}
	doc3, err := openapi2conv.ToV3(&doc2)
	if err != nil {
		return nil, fmt.Errorf("convert to OpenAPI 3: %w", err)
	}
	// Round-trip through JSON so that the result is what a tool reading the
	// converted file would load.
	b, err := json.Marshal(doc3)
	if err != nil {
		return nil, err
	}
	loader := openapi3.NewLoader()
	loader.Context = ctx
	doc, err := loader.LoadFromData(b)
	if err != nil {
		return nil, fmt.Errorf("load the converted document: %w", err)
	}
	return doc, nil
}

// V3JSON is V3 as indented JSON, the file a client generator reads.
func V3JSON(ctx context.Context) ([]byte, error) {
	doc, err := V3(ctx)
	if err != nil {
		return nil, err
	}
	return json.MarshalIndent(doc, "", "  ")
}
