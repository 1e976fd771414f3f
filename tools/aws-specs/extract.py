#!/usr/bin/env python3
"""Vendors the parts of AWS's published specifications that the template tests need, so `./mvnw verify` does
not depend on ../shared at test time.

  python3 tools/aws-specs/extract.py [../shared/aws-specs]

Writes tests/src/test/resources/aws-specs/:
  sam.schema.json          AWS's SAM JSON schema, unchanged (github.com/aws/serverless-application-model,
                           schema_source/sam.schema.json, commit 7000d0a3b; Apache-2.0)
  resource-spec.json       from @aws-cdk/aws-service-spec 0.1.216 (db.json.gz; Apache-2.0): for every resource
                           type below, its properties (type, required) and attribute names, and every nested
                           property type they use, in a flat, self-contained form:
                           {"resources": {type: {"properties": {name: {"required": bool, "type": T}},
                                                 "attributes": [name]}},
                            "types": {id: {"name": str, "properties": {...}}}}
                           T is {"type": "string"|"number"|"boolean"|"json"|"date-time"|"integer"|"tag"|...},
                           {"type": "ref", "ref": id}, {"type": "array"|"map", "element": T} or
                           {"type": "union", "types": [T]}.
Re-run it when the template starts using another resource type (the spec test names the missing type).
"""
import gzip, json, os, sys

here = os.path.dirname(os.path.abspath(__file__))
root = os.path.abspath(os.path.join(here, '..', '..'))
source = sys.argv[1] if len(sys.argv) > 1 else os.path.join(root, '..', 'shared', 'aws-specs')
out_dir = os.path.join(root, 'tests', 'src', 'test', 'resources', 'aws-specs')

# The template's own non-SAM types and the ones SAM's transform generates from it (checked by SamTranslateTest).
TYPES = [
    'AWS::SQS::Queue', 'AWS::SQS::QueuePolicy', 'AWS::DynamoDB::Table', 'AWS::IAM::Role', 'AWS::Logs::LogGroup',
    'AWS::CloudWatch::Alarm', 'AWS::SNS::Topic', 'AWS::SNS::TopicPolicy', 'AWS::SNS::Subscription',
    'AWS::Lambda::Function', 'AWS::Lambda::Version', 'AWS::Lambda::Alias', 'AWS::Lambda::EventSourceMapping',
    'AWS::Lambda::Permission', 'AWS::Events::Rule',
    # the QA console's sign-in and HTTP API (and what SAM generates for an AWS::Serverless::HttpApi)
    'AWS::Cognito::UserPool', 'AWS::Cognito::UserPoolDomain', 'AWS::Cognito::UserPoolClient',
    'AWS::Cognito::UserPoolGroup', 'AWS::ApiGatewayV2::Api', 'AWS::ApiGatewayV2::Stage',
]

db = json.load(gzip.open(os.path.join(source, 'aws-service-spec-0.1.216.db.json.gz')))
resources = {e['cloudFormationType']: e for e in db['schema']['resource']['entities']}
type_defs = {e['$id']: e for e in db['schema']['typeDefinition']['entities']}
used_types = {}

def simplify(t):
    kind = t['type']
    if kind == 'ref':
        ref = t['reference']['$ref']
        if ref not in used_types:
            used_types[ref] = None  # placeholder against cycles
            d = type_defs[ref]
            used_types[ref] = {'name': d['name'], 'properties': props(d.get('properties', {}))}
        return {'type': 'ref', 'ref': ref}
    if kind in ('array', 'map'):
        return {'type': kind, 'element': simplify(t['element'])}
    if kind == 'union':
        return {'type': 'union', 'types': [simplify(x) for x in t['types']]}
    return {'type': kind}

def props(properties):
    return {name: {'required': bool(p.get('required')), 'type': simplify(p['type'])}
            for name, p in sorted(properties.items())}

out = {'source': '@aws-cdk/aws-service-spec 0.1.216 db.json.gz (Apache-2.0), extracted by tools/aws-specs/extract.py',
       'resources': {}, 'types': used_types}
for name in TYPES:
    e = resources[name]
    out['resources'][name] = {'properties': props(e.get('properties', {})), 'attributes': sorted(e.get('attributes', {}))}

os.makedirs(out_dir, exist_ok=True)
with open(os.path.join(out_dir, 'resource-spec.json'), 'w') as f:
    json.dump(out, f, indent=1, sort_keys=True)
    f.write('\n')
with open(os.path.join(source, 'sam.schema.json'), 'rb') as f, open(os.path.join(out_dir, 'sam.schema.json'), 'wb') as g:
    g.write(f.read())
print('wrote', len(out['resources']), 'resource types and', len(used_types), 'property types to', out_dir)
