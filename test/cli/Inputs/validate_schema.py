#!/usr/bin/env python3
"""Validates JSON documents against a JSON Schema (docs/schemas/) with the
jsonschema module (Debian's python3-jsonschema), printing each error and a
count, so a test fails with the reason.

  validate_schema.py SCHEMA DOCUMENT...
"""
import json
import sys

import jsonschema


def main():
    with open(sys.argv[1]) as f:
        schema = json.load(f)
    validator_class = jsonschema.validators.validator_for(schema)
    validator_class.check_schema(schema)
    validator = validator_class(schema)
    errors = 0
    for path in sys.argv[2:]:
        with open(path) as f:
            document = json.load(f)
        for error in validator.iter_errors(document):
            errors += 1
            print("%s: %s: %s" % (path, "/".join(map(str, error.path)),
                                  error.message))
    print("schema errors: %d" % errors)


if __name__ == "__main__":
    main()
