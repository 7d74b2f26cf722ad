#!/usr/bin/env python3
"""Writes ontology/context.jsonld, the JSON-LD context of kg's vocabulary, from
ontology/kg.ttl: every term kg declares (classes, object and datatype properties,
the relation properties), its IRI, and for properties what their values are (IRIs
for object properties, the declared xsd range for datatype properties). Other
namespaces kg writes (skos, dcterms, prov, rdfs, xsd) get their prefixes.

    python3 ontology/tools/gen_context.py     # from the repository root
"""

import json
import os
import re

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
TTL = os.path.join(ROOT, "ontology", "kg.ttl")
OUT = os.path.join(ROOT, "ontology", "context.jsonld")
XSD = "http://www.w3.org/2001/XMLSchema#"

text = open(TTL, encoding="utf-8").read()
prefixes = dict(re.findall(r"@prefix\s+(\w*):\s+<([^>]+)>\s*\.", text))
ns = prefixes["kg"]
context = {"@version": 1.1, "kg": ns}
for p in ["rdf", "rdfs", "xsd", "skos", "dcterms", "prov", "owl"]:
    if p in prefixes:
        context[p] = prefixes[p]
# Statements start at a line beginning with "kg:Term a ".
for m in re.finditer(r"^kg:(\w+) a ([^;.]+?)\s*[;.]((?:.|\n)*?)\s\.\s*$", text, re.M):
    term, kinds, rest = m.group(1), m.group(2), m.group(3)
    iri = ns + term
    if "owl:ObjectProperty" in kinds:
        context[term] = {"@id": iri, "@type": "@id"}
    elif "owl:DatatypeProperty" in kinds:
        rng = re.search(r"rdfs:range\s+xsd:(\w+)", rest)
        if rng and rng.group(1) != "string":
            context[term] = {"@id": iri, "@type": XSD + rng.group(1)}
        else:
            context[term] = {"@id": iri}
    else:
        context[term] = iri
with open(OUT, "w", encoding="utf-8") as f:
    json.dump({"@context": context}, f, indent=2, ensure_ascii=False)
    f.write("\n")
print(f"{OUT}: {len(context)} entries")
