// YAML -> located document tree, built from yaml-cpp's event interface (not YAML::Load,
// whose node graph costs ~30x the file size).
#pragma once

#include <string_view>

#include "parsers/document.h"

namespace halint {

// Parses a YAML stream into the tree of its first document. Later documents are parsed
// too, so a syntax error or exceeded limit in any of them fails the parse, but their
// content is dropped. An empty stream (or one holding only comments) parses to a null root
// at 1:1. A leading UTF-8 BOM is accepted and does not shift columns.
//
// Scalars: plain scalars are resolved with the YAML 1.2 core schema (null `~`/`null`/empty,
// bool `true`/`False`/..., int decimal/`0x`/`0o`, float `1.5`/`1e3`/`.inf`/`.nan`; an int too
// large for int64 becomes a float); everything else, and every quoted scalar, is a string.
// Numbers keep their lexeme in Node::text() (`012` stays `012`). The standard tags `!!str`,
// `!!int`, `!!float`, `!!bool`, `!!null` are honoured; other standard tags leave the value as
// parsed. Map keys are the key text as written (`1: x` has the key "1"), except that a null
// key (`~`, `null`, or none) is the empty string.
//
// Tags: CloudFormation short forms become their long form, a single-key map positioned at
// the tag: `!Ref X` -> {"Ref": "X"}, `!Condition X` -> {"Condition": "X"}, `!GetAtt A.B.C` ->
// {"Fn::GetAtt": ["A", "B.C"]} (split at the first dot; `!GetAtt [A, B]` stays a list), and
// `!And !Base64 !Cidr !Contains !Equals !FindInMap !ForEach !GetAZs !If !ImportValue !Join
// !Length !Not !Or !Select !Split !Sub !ToJsonString !Transform !ValueOf` ->
// {"Fn::<Name>": value}, on scalars, sequences and maps alike. A scalar under a
// short-form tag is always a string (`!GetAZs ''` -> {"Fn::GetAZs": ""}). Any other local tag
// is kept the same way under its own name, so non-CloudFormation YAML still parses:
// `!vault x` -> {"!vault": "x"}.
//
// Aliases are expanded: the anchored subtree is copied, every copied node positioned at the
// alias. Copies count against `limits.max_nodes`, and aliases may not expand to more than
// 100,000 nodes plus 10 per node written, which stops billion-laughs files early.
//
// Never throws. These come back as a failed ParseResult with a message and a 1-based
// position (columns in code points): YAML syntax errors (yaml-cpp's message and position),
// `invalid UTF-8 byte 0xNN`, `invalid control character 0xNN`, `tab character used for
// indentation`, `duplicate key 'K' (first defined at line L, column C)` (at the second key),
// `mapping key must be a scalar`, `undefined alias '*a'`, `alias refers to a node that
// contains it`, `invalid !!int value 'x'`, `nesting deeper than N levels` (N =
// limits.max_depth; a short tag's map counts as a level), `document has more than N nodes`.
// Nesting is refused before yaml-cpp's recursive descent goes deeper than max_depth, so deep
// input cannot overflow the stack.
ParseResult ParseYaml(std::string_view text, const ParseLimits& limits = {});

}  // namespace halint
