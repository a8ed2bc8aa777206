package jsonx

import (
	"bytes"
	"encoding/json"
	"errors"
	"reflect"
	"strconv"
	"strings"
	"sync"
)

// Unmarshal is json.Unmarshal for answers whose scalar types the documents
// leave open: a number where a string field is declared (an ID sent as
// 12345) is kept as its decimal text, a string holding a number where a
// number is declared ("2.5") is read as that number, "true"/"false" where a
// boolean is declared as that boolean, and one ID where a list of IDs is
// declared (Verda documents "a single UUID or an array of UUIDs") as a list
// of one. Anything else that does not fit is still an error: an object where
// a list of objects is declared is never read as a list of one, so that an
// unexpected envelope cannot pass for a short list.
func Unmarshal(data []byte, out any) error {
	err := json.Unmarshal(data, out)
	var typeErr *json.UnmarshalTypeError
	if err == nil || !errors.As(err, &typeErr) {
		return err
	}
	target := reflect.ValueOf(out)
	if target.Kind() != reflect.Pointer || target.IsNil() {
		return err
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var tree any
	if dec.Decode(&tree) != nil {
		return err
	}
	fixed, marshalErr := json.Marshal(coerce(tree, target.Type().Elem()))
	if marshalErr != nil {
		return err
	}
	target.Elem().SetZero()
	return json.Unmarshal(fixed, out)
}

var unmarshalerType = reflect.TypeFor[json.Unmarshaler]()

// coerce rewrites a decoded JSON value so that its scalars have the types t
// declares, where the text allows it.
func coerce(v any, t reflect.Type) any {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if v == nil || reflect.PointerTo(t).Implements(unmarshalerType) {
		return v
	}
	switch t.Kind() {
	case reflect.String:
		if n, ok := v.(json.Number); ok {
			return n.String()
		}
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return integer(v)
	case reflect.Float32, reflect.Float64:
		if s, ok := v.(string); ok {
			if _, err := strconv.ParseFloat(strings.TrimSpace(s), 64); err == nil {
				return json.Number(strings.TrimSpace(s))
			}
			if strings.TrimSpace(s) == "" {
				return nil
			}
		}
	case reflect.Bool:
		if s, ok := v.(string); ok {
			if b, err := strconv.ParseBool(strings.TrimSpace(s)); err == nil {
				return b
			}
		}
	case reflect.Slice, reflect.Array:
		if items, ok := v.([]any); ok {
			out := make([]any, len(items))
			for i, item := range items {
				out[i] = coerce(item, t.Elem())
			}
			return out
		}
		if t.Kind() == reflect.Slice && scalarList(t) && scalar(v) {
			return []any{coerce(v, t.Elem())}
		}
	case reflect.Map:
		if obj, ok := v.(map[string]any); ok {
			out := make(map[string]any, len(obj))
			for k, item := range obj {
				out[k] = coerce(item, t.Elem())
			}
			return out
		}
	case reflect.Struct:
		if obj, ok := v.(map[string]any); ok {
			fields := fieldsOf(t)
			out := make(map[string]any, len(obj))
			for k, item := range obj {
				if ft, ok := fields.lookup(k); ok {
					item = coerce(item, ft)
				}
				out[k] = item
			}
			return out
		}
	}
	return v
}

// integer reads "42", 42.0 and "42.0" as 42; other values are left to fail.
func integer(v any) any {
	text := ""
	switch x := v.(type) {
	case json.Number:
		text = x.String()
	case string:
		text = strings.TrimSpace(x)
		if text == "" {
			return nil
		}
	default:
		return v
	}
	if _, err := strconv.ParseInt(text, 10, 64); err == nil {
		return json.Number(text)
	}
	if f, err := strconv.ParseFloat(text, 64); err == nil && f == float64(int64(f)) {
		return json.Number(strconv.FormatInt(int64(f), 10))
	}
	return v
}

// structFields maps JSON keys to field types the way encoding/json matches
// them: the exact name first, then case-insensitively.
type structFields map[string]reflect.Type

func (f structFields) lookup(key string) (reflect.Type, bool) {
	if t, ok := f[key]; ok {
		return t, true
	}
	for name, t := range f {
		if strings.EqualFold(name, key) {
			return t, true
		}
	}
	return nil, false
}

var fieldCache sync.Map // reflect.Type -> structFields

func fieldsOf(t reflect.Type) structFields {
	if f, ok := fieldCache.Load(t); ok {
		return f.(structFields)
	}
	out := structFields{}
	for i := range t.NumField() {
		sf := t.Field(i)
		tag := sf.Tag.Get("json")
		if tag == "-" {
			continue
		}
		name, _, _ := strings.Cut(tag, ",")
		if sf.Anonymous && name == "" {
			ft := sf.Type
			if ft.Kind() == reflect.Pointer {
				ft = ft.Elem()
			}
			if ft.Kind() == reflect.Struct {
				for k, v := range fieldsOf(ft) {
					if _, taken := out[k]; !taken {
						out[k] = v
					}
				}
				continue
			}
		}
		if !sf.IsExported() {
			continue
		}
		if name == "" {
			name = sf.Name
		}
		out[name] = sf.Type
	}
	fieldCache.Store(t, out)
	return out
}

// scalarList: a list of strings or numbers.
func scalarList(t reflect.Type) bool {
	e := t.Elem()
	for e.Kind() == reflect.Pointer {
		e = e.Elem()
	}
	switch e.Kind() {
	case reflect.String, reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Float32, reflect.Float64:
		return true
	}
	return false
}

func scalar(v any) bool {
	switch v.(type) {
	case string, json.Number:
		return true
	}
	return false
}
