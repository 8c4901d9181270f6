#!/usr/bin/env node
// Writes src/manifests/js-yaml-parser.ts: the event parser of the pinned js-yaml (its `src/parser/parser.ts` region
// of dist/js-yaml.mjs), with the changes below that make it read YAML the way kubectl's go-yaml v2 does. Every
// change must match exactly once, so a js-yaml upgrade that moves the code fails here instead of drifting.
// Usage: node scripts/vendor-js-yaml-parser.mjs   (a test checks the committed file is what this produces)
import { readFileSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const REPO = dirname(dirname(fileURLToPath(import.meta.url)))
export const VENDORED_PARSER = join(REPO, 'src', 'manifests', 'js-yaml-parser.ts')
export const JS_YAML_VERSION = '5.5.0'

/** [why, find, replace]: each `find` occurs exactly once in the region. */
export const PATCHES = [
  ['state: a literal object instead of spreading the options into it (V8 keeps a spread object in dictionary mode: every parse paid a slow property lookup per access, 10-15x per small document), with first-document mode',
    `		...DEFAULT_PARSER_OPTIONS,
		...options,
		input: \`\${input}\\0\`,`,
    `		filename: options.filename ?? DEFAULT_PARSER_OPTIONS.filename,
		maxDepth: options.maxDepth ?? DEFAULT_PARSER_OPTIONS.maxDepth,
		firstDocument: options.firstDocument === true,
		input: \`\${input}\\0\`,`],
  ['state: the flow nesting level, where a failed plain-scalar continuation stopped, and first-document mode',
    '\t\tfirstTabInLine: -1,\n\t\tdepth: 0,',
    '\t\tfirstTabInLine: -1,\n\t\tdepth: 0,\n\t\tflowLevel: 0,\n\t\tblankScanUntil: -1,'],
  ['libyaml ends a comment at any token boundary (`"x"#c`, `[a,#c`), not only after whitespace; in block context it refuses a tab in the indentation of a line (unless a plain scalar already read that line)',
    `function skipSeparationSpace(state, allowComments) {
	let lineBreaks = 0;
	let ch = state.input.charCodeAt(state.position);
	let hasSeparation = state.position === state.lineStart || isWsOrEol(state.input.charCodeAt(state.position - 1));
	while (ch !== 0) {
		while (isWhiteSpace(ch)) {
			hasSeparation = true;
			if (ch === 9 && state.firstTabInLine === -1) state.firstTabInLine = state.position;
			ch = state.input.charCodeAt(++state.position);
		}
		if (allowComments && hasSeparation && ch === 35) do
			ch = state.input.charCodeAt(++state.position);
		while (!isEol(ch) && ch !== 0);
		if (!isEol(ch)) break;
		consumeLineBreak(state);
		lineBreaks++;
		hasSeparation = true;
		ch = state.input.charCodeAt(state.position);`,
    `function skipSeparationSpace(state, allowComments) {
	let lineBreaks = 0;
	let ch = state.input.charCodeAt(state.position);
	let indentation = allowComments && state.flowLevel === 0 && state.position - state.lineStart === state.lineIndent;
	while (ch !== 0) {
		while (isWhiteSpace(ch)) {
			if (ch === 9) {
				if (state.firstTabInLine === -1) state.firstTabInLine = state.position;
				if (indentation && state.position >= state.blankScanUntil) throwError(state, "a tab character in the indentation of a line (kubectl refuses tabs there)");
			}
			ch = state.input.charCodeAt(++state.position);
		}
		indentation = false;
		if (allowComments && ch === 35) do
			ch = state.input.charCodeAt(++state.position);
		while (!isEol(ch) && ch !== 0);
		if (!isEol(ch)) break;
		consumeLineBreak(state);
		lineBreaks++;
		indentation = allowComments && state.flowLevel === 0;
		ch = state.input.charCodeAt(state.position);`],
  ['anchor names: libyaml allows letters, digits, `-` and `_` only',
    `	state.position++;
	const start = state.position;
	while (state.input.charCodeAt(state.position) !== 0 && !isWsOrEol(state.input.charCodeAt(state.position)) && !isFlowIndicator(state.input.charCodeAt(state.position))) state.position++;
	if (state.position === start) throwError(state, "name of an anchor node must contain at least one character");`,
    `	state.position++;
	const start = state.position;
	while (isAnchorChar(state.input.charCodeAt(state.position))) state.position++;
	if (state.position === start) throwError(state, "name of an anchor node must contain at least one character");
	checkAnchorEnd(state);`],
  ['alias names: the same characters as anchors',
    `	state.position++;
	const start = state.position;
	while (state.input.charCodeAt(state.position) !== 0 && !isWsOrEol(state.input.charCodeAt(state.position)) && !isFlowIndicator(state.input.charCodeAt(state.position))) state.position++;
	if (state.position === start) throwError(state, "name of an alias node must contain at least one character");`,
    `	state.position++;
	const start = state.position;
	while (isAnchorChar(state.input.charCodeAt(state.position))) state.position++;
	if (state.position === start) throwError(state, "name of an alias node must contain at least one character");
	checkAnchorEnd(state);`],
  ['quoted scalars: libyaml does not check the indentation of their continuation lines',
    `	skipSeparationSpace(state, false);
	if (state.lineIndent < nodeIndent) throwError(state, "deficient indentation");
}`,
    `	skipSeparationSpace(state, false);
}
function isAnchorChar(c) {
	return c >= 48 && c <= 57 || c >= 65 && c <= 90 || c >= 97 && c <= 122 || c === 45 || c === 95;
}
function checkAnchorEnd(state) {
	const c = state.input.charCodeAt(state.position);
	if (c === 0 || isWsOrEol(c) || c === 44 || c === 93 || c === 125) return;
	if (c === 58 && isWsOrEolOrEnd(state.input.charCodeAt(state.position + 1))) return;
	throwError(state, "an anchor or alias name may hold only letters, digits, '-' and '_'");
}
function checkPlainBreakTabs(state, from, indent) {
	let column = -1;
	for (let i = from; i < state.position; i++) {
		const c = state.input.charCodeAt(i);
		if (c === 10 || c === 13) column = 0;
		else if (column >= 0) {
			if (c === 9 && column < indent) {
				state.position = i;
				throwError(state, "a tab character that violates indentation");
			}
			column++;
		}
	}
}`],
  ['double-quoted escapes: go-yaml v2 knows no `\\/` escape',
    'c === 34 || c === 47 || c === 92', 'c === 34 || c === 92'],
  ['double-quoted escapes: go-yaml v2 refuses surrogate halves and code points above U+10FFFF',
    `				while (hexLength-- > 0) {
					state.position++;
					if (fromHexCode(state.input.charCodeAt(state.position)) < 0) throwError(state, "expected hexadecimal character");
				}
				state.position++;`,
    `				let code = 0;
				while (hexLength-- > 0) {
					state.position++;
					const digit = fromHexCode(state.input.charCodeAt(state.position));
					if (digit < 0) throwError(state, "expected hexadecimal character");
					code = code * 16 + digit;
				}
				if (code >= 55296 && code <= 57343 || code > 1114111) throwError(state, "invalid Unicode character escape code");
				state.position++;`],
  ['block scalar header: a comment may follow the indicators without whitespace',
    'if (hadWhitespace && state.input.charCodeAt(state.position) === 35) skipUntilLineEnd(state);',
    'if (state.input.charCodeAt(state.position) === 35) skipUntilLineEnd(state);'],
  ['plain scalars: NEL, LS and PS are line breaks for libyaml',
    `		} else if (inFlow && isFlowIndicator(ch)) break;
		else if (isEol(ch)) {`,
    `		} else if (inFlow && isFlowIndicator(ch)) break;
		else if (ch === 133 || ch === 8232 || ch === 8233) throwError(state, "a NEL, LS or PS character, which kubectl reads as a line break");
		else if (isEol(ch)) {`],
  ['plain scalars: in flow context continuation lines may have any indentation; in block context a tab below the indentation is refused',
    `			skipSeparationSpace(state, false);
			if (state.lineIndent >= nodeIndent) {
				multiline = true;
				ch = state.input.charCodeAt(state.position);
				continue;
			}
			state.position = savedPosition;`,
    `			skipSeparationSpace(state, false);
			if (!inFlow) checkPlainBreakTabs(state, savedPosition, nodeIndent);
			if (inFlow || state.lineIndent >= nodeIndent) {
				multiline = true;
				ch = state.input.charCodeAt(state.position);
				continue;
			}
			state.blankScanUntil = state.position;
			state.position = savedPosition;`],
  ['flow collections: libyaml does not check indentation (nor tabs) inside them',
    `	skipSeparationSpace(state, true);
	if (state.line > startLine && state.lineIndent < nodeIndent || state.firstTabInLine !== -1 && state.lineIndent < nodeIndent) throwError(state, "deficient indentation");`,
    '\tskipSeparationSpace(state, true);'],
  ['flow collections: track the nesting level (entry)',
    `	else addSequenceEvent(state, start, props.anchorStart, props.anchorEnd, props.tagStart, props.tagEnd, COLLECTION_STYLE.FLOW);
	state.position++;`,
    `	else addSequenceEvent(state, start, props.anchorStart, props.anchorEnd, props.tagStart, props.tagEnd, COLLECTION_STYLE.FLOW);
	state.position++;
	state.flowLevel++;`],
  ['flow collections: track the nesting level (exit)',
    `		if (ch === terminator) {
			state.position++;
			addPopEvent(state);`,
    `		if (ch === terminator) {
			state.position++;
			state.flowLevel--;
			addPopEvent(state);`],
  ['flow mappings: an implicit key and its `:` stay on one line (libyaml simple keys)',
    'if ((isMapping || isExplicitPair || state.line === entryLine) && ch === 58) {',
    'if ((isExplicitPair || state.line === entryLine) && ch === 58) {'],
  ['block sequences: libyaml refuses a tab right after `-`',
    `		const entryLine = state.line;
		state.position++;
		const hadBreak = skipSeparationSpace(state, true) > 0;`,
    `		const entryLine = state.line;
		state.position++;
		checkTabAfterIndicator(state);
		const hadBreak = skipSeparationSpace(state, true) > 0;`],
  ['explicit keys and values: libyaml refuses a tab right after `?` and `:`',
    `				atExplicitKey = false;
			}
			state.position += 1;
			pendingExplicitKey = true;`,
    `				atExplicitKey = false;
			}
			state.position += 1;
			checkTabAfterIndicator(state);
			pendingExplicitKey = true;`],
  ['first-document mode: kubectl decodes one document per `---` chunk; `...`, a directive or `---` ends it and the rest is not read',
    `	if (!parseNode(state, state.lineIndent - 1, CONTEXT_BLOCK_OUT, false, allowCompact, allowCompact)) addEmptyScalarEvent(state);
	skipSeparationSpace(state, true);`,
    `	if (!parseNode(state, state.lineIndent - 1, CONTEXT_BLOCK_OUT, false, allowCompact, allowCompact)) addEmptyScalarEvent(state);
	skipSeparationSpace(state, true);
	if (state.firstDocument) {
		if (state.position < state.length && !(state.position === state.lineStart && (testDocumentSeparator(state) || state.input.charCodeAt(state.position) === 37))) throwError(state, "end of the stream or a document separator is expected");
		addPopEvent(state);
		state.position = state.length;
		return;
	}`],
  ['helpers of the changes above (a tab right after an indicator)', 'function readDirective(state) {', `function checkTabAfterIndicator(state) {
	let i = state.position;
	while (isWhiteSpace(state.input.charCodeAt(i))) {
		if (state.input.charCodeAt(i) === 9) {
			state.position = i;
			throwError(state, "a tab character after an indicator (kubectl refuses it)");
		}
		i++;
	}
}
function readDirective(state) {`]
]

export function vendoredParser() {
  const require = createRequire(import.meta.url)
  const pkgPath = require.resolve('js-yaml/package.json', { paths: [REPO] })
  const version = JSON.parse(readFileSync(pkgPath, 'utf8')).version
  if (version !== JS_YAML_VERSION) throw new Error(`js-yaml ${version} is installed; the patches are for ${JS_YAML_VERSION}`)
  const dist = readFileSync(join(dirname(pkgPath), 'dist', 'js-yaml.mjs'), 'utf8')
  const from = dist.indexOf('//#region src/parser/parser.ts\n')
  const to = dist.indexOf('//#endregion', from)
  if (from < 0 || to < 0) throw new Error('js-yaml: parser region not found')
  let region = dist.slice(from, to)
  for (const [why, find, replace] of PATCHES) {
    const at = region.indexOf(find)
    if (at < 0 || region.indexOf(find, at + 1) >= 0) throw new Error(`js-yaml patch "${why}" must match exactly once`)
    region = region.slice(0, at) + replace + region.slice(at + find.length)
  }
  return `// @ts-nocheck
// GENERATED by scripts/vendor-js-yaml-parser.mjs from js-yaml ${JS_YAML_VERSION} (MIT, (C) 2011-2015 Vitaly Puzrin and
// contributors), dist/js-yaml.mjs region src/parser/parser.ts, changed so that it reads YAML as kubectl's go-yaml v2
// does. Do not edit: change the patches in the script and rerun it. The changes, in order:
${PATCHES.map(([why]) => `//  - ${why}`).join('\n')}
import { CHOMPING_MODE, COLLECTION_STYLE, EVENT_ID, SCALAR_STYLE, YAMLException } from 'js-yaml'

${region}
export { parseEvents }
`
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(VENDORED_PARSER, vendoredParser())
  console.log(`wrote ${VENDORED_PARSER}`)
}
