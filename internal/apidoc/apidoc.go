// Package apidoc completes the OpenAPI document that swag writes from the
// handlers' annotations with the three things swag cannot write from Go
// types, taken from the same rules the server applies:
//
//   - every request body is closed (additionalProperties: false), at every
//     depth, because the body decoder refuses an unknown member with 422
//     (models.DecodeJSON);
//   - periods and unit codes carry their pattern (models.PeriodPattern,
//     models.UnitCodePattern), in bodies and in parameters;
//   - a PATCH body must change something (minProperties: 1).
//
// The committed docs/swagger.json and docs/swagger.yaml are swag's output
// passed through Complete (`go generate .` runs both steps), and the server
// passes the document it serves through the same function, so the file and
// the served document are the same.
package apidoc

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/ghodss/yaml"

	"doingoai/models"
)

// patchBodies are the definitions of PATCH bodies: {} is refused.
var patchBodies = map[string]bool{"models.UnitPatch": true}

// periodNames and codeNames are the property and parameter names that
// hold a period or a unit code.
var (
	periodNames = map[string]bool{"period": true}
	codeNames   = map[string]bool{"unit_code": true, "code": true, "parent_code": true, "unit": true, "parent": true}
)

// Complete returns doc (a Swagger 2.0 document in JSON) with the closed
// bodies, patterns and minProperties added. It is idempotent.
func Complete(doc []byte) ([]byte, error) {
	var d map[string]any
	dec := json.NewDecoder(bytes.NewReader(doc))
	dec.UseNumber() // keep 9223372036854775807 and 1e14 exactly as written
	if err := dec.Decode(&d); err != nil {
		return nil, fmt.Errorf("read the document: %w", err)
	}
	defs, _ := d["definitions"].(map[string]any)
	bodies := map[string]bool{}
	paths, _ := d["paths"].(map[string]any)
	for _, p := range paths {
		ops, _ := p.(map[string]any)
		for _, o := range ops {
			op, _ := o.(map[string]any)
			params, _ := op["parameters"].([]any)
			for _, x := range params {
				prm, _ := x.(map[string]any)
				switch prm["in"] {
				case "body":
					if s, ok := prm["schema"].(map[string]any); ok {
						reach(defs, s, bodies)
					}
				case "path", "query":
					addPattern(prm, prm["name"])
				}
			}
		}
	}
	for name := range bodies {
		def, _ := defs[name].(map[string]any)
		if def["type"] != "object" {
			continue
		}
		def["additionalProperties"] = false
		if patchBodies[name] {
			def["minProperties"] = 1
		}
		props, _ := def["properties"].(map[string]any)
		for pname, p := range props {
			if ps, ok := p.(map[string]any); ok {
				addPattern(ps, pname)
			}
		}
	}
	return json.MarshalIndent(d, "", "    ")
}

// addPattern gives a string property or parameter named as a period or a
// unit code its pattern.
func addPattern(s map[string]any, name any) {
	n, _ := name.(string)
	if s["type"] != "string" {
		return
	}
	switch {
	case periodNames[n]:
		s["pattern"] = models.PeriodPattern
	case codeNames[n]:
		s["pattern"] = models.UnitCodePattern
	}
}

// reach adds to seen every definition that schema s refers to, directly or
// through other definitions.
func reach(defs map[string]any, s any, seen map[string]bool) {
	switch v := s.(type) {
	case map[string]any:
		if ref, ok := v["$ref"].(string); ok {
			name := strings.TrimPrefix(ref, "#/definitions/")
			if !seen[name] {
				seen[name] = true
				reach(defs, defs[name], seen)
			}
		}
		for _, x := range v {
			reach(defs, x, seen)
		}
	case []any:
		for _, x := range v {
			reach(defs, x, seen)
		}
	}
}

// Files returns the completed docs/swagger.json and docs/swagger.yaml for
// the document swag wrote.
func Files(swagJSON []byte) (jsonFile, yamlFile []byte, err error) {
	j, err := Complete(swagJSON)
	if err != nil {
		return nil, nil, err
	}
	y, err := yaml.JSONToYAML(j)
	if err != nil {
		return nil, nil, fmt.Errorf("convert to YAML: %w", err)
	}
	return j, y, nil
}
