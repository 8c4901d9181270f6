#!/usr/bin/env node
import { relative, resolve as resolve$1, sep as sep$1, isAbsolute, join } from 'node:path';
import { constants, realpathSync, statSync, lstatSync, openSync, fstatSync, closeSync, readSync, readdirSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { isIP } from 'node:net';

const range = (a, b, str) => {
    let begs, beg, left, right = undefined, result;
    let ai = str.indexOf(a);
    let bi = str.indexOf(b, ai + 1);
    let i = ai;
    if (ai >= 0 && bi > 0) {
        begs = [];
        left = str.length;
        while (i >= 0 && !result) {
            if (i === ai) {
                begs.push(i);
                ai = str.indexOf(a, i + 1);
            }
            else if (begs.length === 1) {
                const r = begs.pop();
                if (r !== undefined)
                    result = [r, bi];
            }
            else {
                beg = begs.pop();
                if (beg !== undefined && beg < left) {
                    left = beg;
                    right = bi;
                }
                bi = str.indexOf(b, i + 1);
            }
            i = ai < bi && ai >= 0 ? ai : bi;
        }
        if (begs.length && right !== undefined) {
            result = [left, right];
        }
    }
    return result;
};

const escSlash = '\0SLASH' + Math.random().toFixed(16) + '\0';
const escOpen = '\0OPEN' + Math.random().toFixed(16) + '\0';
const escClose = '\0CLOSE' + Math.random().toFixed(16) + '\0';
const escComma = '\0COMMA' + Math.random().toFixed(16) + '\0';
const escPeriod = '\0PERIOD' + Math.random().toFixed(16) + '\0';
const escSlashPattern = new RegExp(escSlash, 'g');
const escOpenPattern = new RegExp(escOpen, 'g');
const escClosePattern = new RegExp(escClose, 'g');
const escCommaPattern = new RegExp(escComma, 'g');
const escPeriodPattern = new RegExp(escPeriod, 'g');
const slashPattern = /\\\\/g;
const openPattern = /\\{/g;
const closePattern = /\\}/g;
const commaPattern = /\\,/g;
const periodPattern = /\\\./g;
const EXPANSION_MAX = 100_000;
// `EXPANSION_MAX` caps the *number* of expansions, but not their length. An
// input like `'{a,b}'.repeat(1500)` stays under that count - its output is
// truncated to 100k results - while making every result ~1500 characters
// long. The result set, and the intermediate arrays built while combining
// brace sets, then grow large enough to exhaust memory and crash the process
// (CVE-2026-14257). `EXPANSION_MAX_LENGTH` bounds the total number of
// characters the accumulator may hold at any point, so memory stays flat no
// matter how many brace groups are chained. The limit sits well above any
// realistic expansion (100k results hitting `EXPANSION_MAX` measure ~1M
// characters) so legitimate input is unaffected.
const EXPANSION_MAX_LENGTH = 4_000_000;
// `expand_` recurses once per level of brace *nesting* - both when expanding a
// set's comma members and when re-wrapping a set whose body is a single part.
// The CVE-2026-14257 fix made the *tail* iterative (recursion on `m.post`, one
// level per chained group), which left nesting depth unbounded: about 3,100
// levels of `{{{...a,b...}}}` - only ~6KB of input - exhausted the native stack
// and crashed the process. `EXPANSION_MAX_DEPTH` bounds how deep the parser
// will follow nesting. It sits far above any realistic pattern and well below
// the depth at which the stack runs out.
const EXPANSION_MAX_DEPTH = 1_000;
// Bash keeps a quirk where a brace group followed by a comma set still expands
// (`{a},b}`). The parser implements it by rewriting the string and restarting
// the scan, absorbing one `}` per pass. `n` trailing braces therefore cost `n`
// full passes over a string that itself grows by one `escClose` sentinel each
// time - quadratic in `n`, with a ~26x constant from the sentinel's length.
// 128KB of `'{a}' + '}'.repeat(n) + ',z}'` blocked the event loop for 27
// seconds to produce two results. `EXPANSION_MAX_REWRITES` bounds how many
// times the scan may restart. Real `{a},b}` input needs a handful.
const EXPANSION_MAX_REWRITES = 1_000;
// `EXPANSION_MAX_STEPS` bounds the work one `expand` call does, which `max`,
// `maxLength` and `maxDepth` don't: nested sets are rescanned at every level
// and chained groups each rebuild up to `max` results, so 2KB of input could
// block the event loop for over 30 seconds. Each character scanned, result
// built and sequence value generated is a step, and each `expand_` call costs
// `CALL_STEPS` more. Past the budget, the set being expanded and everything
// after it stay literal. A glob needs a few hundred steps, and nesting all the
// way to `EXPANSION_MAX_DEPTH` about 4M.
const EXPANSION_MAX_STEPS = 20_000_000;
// What one `expand_` call costs on top of what it scans and builds. Setting
// one up takes about as long as scanning 16 characters, and a set whose
// results are wrapped to be expanded again makes one call per result, each
// scanning and building next to nothing: 64KB of
// `('{{' + ','.repeat(316) + '}{' + ','.repeat(316) + '}}').repeat(n)` made
// 4M such calls, which spent the budget three times as slowly as anything
// else.
const CALL_STEPS = 16;
function numeric(str) {
    return !isNaN(str) ? parseInt(str, 10) : str.charCodeAt(0);
}
function escapeBraces(str) {
    return str
        .replace(slashPattern, escSlash)
        .replace(openPattern, escOpen)
        .replace(closePattern, escClose)
        .replace(commaPattern, escComma)
        .replace(periodPattern, escPeriod);
}
function unescapeBraces(str) {
    return str
        .replace(escSlashPattern, '\\')
        .replace(escOpenPattern, '{')
        .replace(escClosePattern, '}')
        .replace(escCommaPattern, ',')
        .replace(escPeriodPattern, '.');
}
// Like `target.push(...items)` but doesn't overflow the stack
function pushAll(target, items) {
    for (let i = 0; i < items.length; i++) {
        target.push(items[i]);
    }
}
// `balanced`, run on `masked` (see `maskUnmatchedOpens`), sliced from `str`
// and charged for the characters it walks: up to the group's `}`, or the
// whole string when there is no match or unmatched `{` come first, which
// `unmatched` then flags for masking. Once a call overdraws the budget, it
// and every later one return undefined, so the rest stays literal.
function balancedWithBudget(str, masked, budget) {
    if (budget.remaining < 0) {
        return undefined;
    }
    const r = range('{', '}', masked);
    const unmatched = r !== undefined && masked.indexOf('{') < r[0];
    budget.remaining -= r && !unmatched ? r[1] + 1 : str.length;
    if (!r || budget.remaining < 0) {
        return undefined;
    }
    return {
        end: r[1],
        pre: str.slice(0, r[0]),
        body: str.slice(r[0] + 1, r[1]),
        post: str.slice(r[1] + 1),
        unmatched,
    };
}
// `masked` with every `{` that has no matching `}` swapped for a `\0`, which
// keeps the length, so a scan of it still lines up with the string it was
// made from. Such a `{` is literal either way, but `balanced` only learns that
// one is unmatched by reading to the end of the string, so with one at the
// head of every group (`'{a,{b,c}'.repeat(n)`) each scan read the rest of the
// input. That was quadratic, and once the step budget charged for it, it ran
// out partway through and left the rest literal. A scan of the masked copy
// stops at the group's `}`. It is one pass, charged as such.
function maskUnmatchedOpens(masked, budget) {
    budget.remaining -= masked.length;
    const open = [];
    for (let i = 0; i < masked.length; i++) {
        const c = masked.charCodeAt(i);
        if (c === 0x7b) {
            open.push(i);
        }
        else if (c === 0x7d && open.length) {
            open.pop();
        }
    }
    let out = '';
    let last = 0;
    for (let i = 0; i < open.length; i++) {
        const at = open[i];
        out += masked.slice(last, at) + '\0';
        last = at + 1;
    }
    return out + masked.slice(last);
}
// Whether `str` has a `,` not followed by another `,`, with a `}` after it on
// the same line - what `/,(?!,).*\}/.test(str)` asks, answered in one pass from
// the end. The regex tries every `,` and backtracks through the rest of its
// line from each, which is quadratic, and the `{a},b}` rewrite asks again on
// every pass. Like a scan, it is charged for the whole string and refused if
// that overdraws the budget.
function commaSetFollows(str, budget) {
    budget.remaining -= str.length;
    if (budget.remaining < 0) {
        return false;
    }
    // Whether a `}` follows the current position before the line ends
    let close = false;
    for (let i = str.length - 1; i >= 0; i--) {
        const c = str.charCodeAt(i);
        if (c === 0x7d) {
            close = true;
        }
        else if (c === 0x0a || c === 0x0d || c === 0x2028 || c === 0x2029) {
            // A line terminator, which `.` does not match
            close = false;
        }
        else if (c === 0x2c && close && str.charCodeAt(i + 1) !== 0x2c) {
            return true;
        }
    }
    return false;
}
/**
 * Basically just str.split(","), but handling cases
 * where we have nested braced sections, which should be
 * treated as individual members, like {a,{b,c},d}
 *
 * Returns `undefined` if the step budget runs out before the whole set is
 * split, since splitting what is left on every comma would tear apart the
 * nested sets it still holds.
 */
function parseCommaParts(str, budget) {
    const parts = [];
    // Walk the brace groups iteratively. Recursing on `post` once per group let a
    // chain of them exhaust the stack - the parsing-side counterpart to
    // the `expand_` overflow fixed for CVE-2026-14257, and not something `max` or
    // `maxLength` can bound, since it happens before expansion.
    //
    // The part the next chunk continues
    let carry = '';
    for (;;) {
        // A set's body holds no unmatched `{`, so there is nothing to mask.
        const m = balancedWithBudget(str, str, budget);
        if (budget.remaining < 0) {
            return undefined;
        }
        if (!m) {
            const tail = str.split(',');
            tail[0] = carry + tail[0];
            pushAll(parts, tail);
            return parts;
        }
        const { pre, body, post } = m;
        const p = pre.split(',');
        p[0] = carry + p[0];
        p[p.length - 1] += '{' + body + '}';
        if (!post.length) {
            pushAll(parts, p);
            return parts;
        }
        carry = p.pop();
        pushAll(parts, p);
        str = post;
    }
}
// An option that is left out, or that is NaN, gets its default. Every
// comparison against NaN is false, so a NaN bound would never be reached:
// `{ maxSteps: NaN }` let 15KB of input block the event loop for 16 seconds,
// and `{ maxDepth: NaN }` overflowed the stack again (CVE-2026-102278). Pass
// `Infinity` to lift a bound.
function bound(value, fallback) {
    return value === undefined || isNaN(value) ? fallback : value;
}
function expand(str, options = {}) {
    if (!str) {
        return [];
    }
    const max = bound(options.max, EXPANSION_MAX);
    const maxLength = bound(options.maxLength, EXPANSION_MAX_LENGTH);
    const maxDepth = bound(options.maxDepth, EXPANSION_MAX_DEPTH);
    const maxRewrites = bound(options.maxRewrites, EXPANSION_MAX_REWRITES);
    const maxSteps = bound(options.maxSteps, EXPANSION_MAX_STEPS);
    // I don't know why Bash 4.3 does this, but it does.
    // Anything starting with {} will have the first two bytes preserved
    // but *only* at the top level, so {},a}b will not expand to anything,
    // but a{},b}c will be expanded to [a}c,abc].
    // One could argue that this is a bug in Bash, but since the goal of
    // this module is to match Bash's rules, we escape a leading {}
    if (str.slice(0, 2) === '{}') {
        str = '\\{\\}' + str.slice(2);
    }
    return expand_(escapeBraces(str), max, maxLength, maxDepth, 0, maxRewrites, { remaining: maxSteps }, true).map(unescapeBraces);
}
function embrace(str) {
    return '{' + str + '}';
}
function isPadded(el) {
    return /^-?0\d/.test(el);
}
function lte(i, y) {
    return i <= y;
}
function gte(i, y) {
    return i >= y;
}
// Build `{ acc[a] + pre + values[v] }` for every combination, capping the
// number of results at `max` and the total number of characters at `maxLength`.
// This is the one place output grows, so bounding it here keeps the single
// accumulator - and therefore memory - flat regardless of how many brace groups
// are combined (CVE-2026-14257). Each result built is a step, since `max` and
// `maxLength` bound one combination, not how many brace groups are combined.
function combine(acc, pre, values, max, maxLength, dropEmpties, budget) {
    const out = [];
    let length = 0;
    // Bash drops empty results at the top level, and they don't count against
    // `max`, so `max` bounds the number of *kept* results. Only an empty
    // `acc[a] + pre` can make one, so for those the empty values are skipped
    // without being visited. Visiting them one at a time let a set of empties
    // cost `acc.length * values.length` while keeping nothing.
    let nonEmpty;
    outer: for (let a = 0; a < acc.length; a++) {
        const prefix = acc[a] + pre;
        let vs = values;
        if (dropEmpties && !prefix) {
            if (!nonEmpty)
                nonEmpty = values.filter(v => v);
            vs = nonEmpty;
        }
        for (let v = 0; v < vs.length; v++) {
            if (out.length >= max)
                break outer;
            const expansion = prefix + vs[v];
            if (length + expansion.length > maxLength)
                break outer;
            out.push(expansion);
            length += expansion.length;
        }
    }
    budget.remaining -= out.length;
    return out;
}
// The expansion values of a single numeric (`1..5`) or alphabetic (`a..e..2`)
// sequence body, or `undefined` if the step budget runs out generating them.
function expandSequence(body, isAlphaSequence, max, maxLength, budget) {
    const n = body.split(/\.\./);
    const N = [];
    // A sequence body always splits into two or three parts, but the compiler
    // can't know that.
    /* c8 ignore start */
    if (n[0] === undefined || n[1] === undefined) {
        return N;
    }
    /* c8 ignore stop */
    const x = numeric(n[0]);
    const y = numeric(n[1]);
    const width = Math.max(n[0].length, n[1].length);
    let incr = n.length === 3 && n[2] !== undefined ?
        Math.max(Math.abs(numeric(n[2])), 1)
        : 1;
    let test = lte;
    const reverse = y < x;
    if (reverse) {
        incr *= -1;
        test = gte;
    }
    const pad = n.some(isPadded);
    // A padded value is built a character at a time to `width`, which the input
    // sets, so it costs one step per character: 64KB of
    // `('{' + '0'.repeat(100) + '..99999}').repeat(n)` took 7 seconds charged
    // one step per value.
    const cost = pad ? width : 1;
    let length = 0;
    for (let i = x; test(i, y) && N.length < max; i += incr) {
        // Each value is a step. `max` and `maxLength` bound one sequence, but a
        // chain of them still generated up to `max` values each, however few
        // combining could keep.
        budget.remaining -= cost;
        if (budget.remaining < 0) {
            return undefined;
        }
        let c;
        if (isAlphaSequence) {
            c = String.fromCharCode(i);
            if (c === '\\') {
                c = '';
            }
        }
        else {
            c = String(i);
            if (pad) {
                const need = width - c.length;
                if (need > 0) {
                    const z = new Array(need + 1).join('0');
                    if (i < 0) {
                        c = '-' + z + c.slice(1);
                    }
                    else {
                        c = z + c;
                    }
                }
            }
        }
        if (length + c.length > maxLength)
            break;
        N.push(c);
        length += c.length;
    }
    return N;
}
function expand_(str, max, maxLength, maxDepth, depth, maxRewrites, budget, isTop) {
    // An overdraft here makes the first scan refuse, so `str` stays literal.
    budget.remaining -= CALL_STEPS;
    // Too deeply nested to keep following: treat the rest as literal, the same
    // way a group that cannot expand is already handled. Truncating rather than
    // throwing keeps `expand` total, matching `max` and `maxLength`.
    if (depth > maxDepth) {
        return [str];
    }
    // Consume the string's top-level brace groups left to right, threading a
    // running set of combined prefixes (`acc`). Expanding the tail iteratively -
    // rather than recursing on `m.post` once per group - keeps the native stack
    // depth constant, so deeply chained input (`'{a,b}'.repeat(3000)`) can no
    // longer overflow the stack, and leaves a single accumulator whose size
    // `maxLength` bounds directly (CVE-2026-14257).
    let acc = [''];
    // Bash drops empty results, but only when the *first* top-level group is a
    // comma set - a sequence like `{a..\}` may legitimately yield ''. The drop
    // is on the final strings, so it is applied to whichever `combine` produces
    // them (the one with no brace set left in the tail).
    // How many times the `{a},b}` rewrite below has restarted the scan. Each pass
    // re-reads the whole string, so leaving this unbounded is quadratic.
    let rewrites = 0;
    let dropEmpties = false;
    let firstGroup = true;
    // `str` with its unmatched `{` masked, once a scan has run into them
    let masked = str;
    for (;;) {
        const m = balancedWithBudget(str, masked, budget);
        // No brace set left, or no step budget left to look for one: the rest of
        // the string is literal.
        if (!m) {
            return combine(acc, str, [''], max, maxLength, dropEmpties, budget);
        }
        if (m.unmatched) {
            masked = maskUnmatchedOpens(masked, budget);
        }
        // no need to expand pre, since it is guaranteed to be free of brace-sets
        const pre = m.pre;
        // This set and the rest of the string, literal: for a set that cannot
        // expand, and for one the step budget runs out on. Once it is overdrawn,
        // every set still being expanded, at every level, stays literal like this -
        // otherwise each level above would go on combining, and wrapping and
        // expanding again, results the budget was too small for.
        const literal = () => combine(acc, pre + '{' + m.body + '}' + m.post, [''], max, maxLength, dropEmpties, budget);
        if (/\$$/.test(pre)) {
            acc = combine(acc, pre + '{' + m.body + '}', [''], max, maxLength, dropEmpties && !m.post.length, budget);
            firstGroup = false;
            if (!m.post.length)
                break;
            str = m.post;
            masked = masked.slice(m.end + 1);
            continue;
        }
        const isNumericSequence = /^-?\d+\.\.-?\d+(?:\.\.-?\d+)?$/.test(m.body);
        const isAlphaSequence = /^[a-zA-Z]\.\.[a-zA-Z](?:\.\.-?\d+)?$/.test(m.body);
        const isSequence = isNumericSequence || isAlphaSequence;
        const isOptions = m.body.indexOf(',') >= 0;
        if (!isSequence && !isOptions) {
            // {a},b}
            if (rewrites < maxRewrites && commaSetFollows(m.post, budget)) {
                rewrites++;
                str = m.pre + '{' + m.body + escClose + m.post;
                // Taking a `}` away never gives an unmatched `{` a partner, so what
                // is masked stays unmatched. The `{` it closed can be left without
                // one, and the next scan masks it.
                masked =
                    masked.slice(0, m.end) + escClose + masked.slice(m.end + 1);
                isTop = true;
                continue;
            }
            // Nothing here expands, so the whole remaining string is literal.
            return literal();
        }
        if (firstGroup) {
            dropEmpties = isTop && !isSequence;
            firstGroup = false;
        }
        let values;
        if (isSequence) {
            values = expandSequence(m.body, isAlphaSequence, max, maxLength, budget);
            if (!values) {
                return literal();
            }
        }
        else {
            let n = parseCommaParts(m.body, budget);
            // The step budget ran out partway through the set.
            if (!n) {
                return literal();
            }
            if (n.length === 1 && n[0] !== undefined) {
                // x{{a,b}}y ==> x{a}y x{b}y
                n = expand_(n[0], max, maxLength, maxDepth, depth + 1, maxRewrites, budget, false).map(embrace);
                // The step budget ran out expanding the set's only part.
                if (budget.remaining < 0) {
                    return literal();
                }
                //XXX is this necessary? Can't seem to hit it in tests.
                /* c8 ignore start */
                if (n.length === 1) {
                    const next = combine(acc, pre + n[0], [''], max, maxLength, dropEmpties && !m.post.length, budget);
                    if (budget.remaining < 0) {
                        return literal();
                    }
                    acc = next;
                    if (!m.post.length)
                        break;
                    str = m.post;
                    masked = masked.slice(m.end + 1);
                    continue;
                }
                /* c8 ignore stop */
            }
            // Values that `combine` is going to drop as empty produce no result, so
            // they must not count against `max` - otherwise `{a,,b}` with `max: 2`
            // would stop at `['a', '']` and yield one result instead of two. Skipping
            // them outright keeps `values` bounded while leaving `max` a bound on
            // *kept* results.
            let dropsEmpties = dropEmpties && !m.post.length && !pre;
            for (let d = 0; dropsEmpties && d < acc.length; d++) {
                if (acc[d]) {
                    dropsEmpties = false;
                }
            }
            values = [];
            let valuesLength = 0;
            outer: for (let j = 0; j < n.length; j++) {
                const expanded = expand_(n[j], max, maxLength, maxDepth, depth + 1, maxRewrites, budget, false);
                // The step budget ran out expanding a member.
                if (budget.remaining < 0) {
                    return literal();
                }
                for (let k = 0; k < expanded.length; k++) {
                    const v = expanded[k];
                    if (dropsEmpties && !v)
                        continue;
                    if (values.length >= max ||
                        valuesLength + v.length > maxLength) {
                        break outer;
                    }
                    values.push(v);
                    valuesLength += v.length;
                }
            }
        }
        const next = combine(acc, pre, values, max, maxLength, dropEmpties && !m.post.length, budget);
        // The step budget ran out combining the set's values in.
        if (budget.remaining < 0) {
            return literal();
        }
        acc = next;
        if (!m.post.length)
            break;
        str = m.post;
        masked = masked.slice(m.end + 1);
    }
    return acc;
}

// One digit, or a class of digits from a to b.
const digit = (a, b) => a === b ?
    { t: 'lit', ch: String(a) }
    : { t: 'class', re: new RegExp(`^[${a}-${b}]$`) };
const prefix = (d, alts) => alts.map(s => [digit(d, d), ...s]);
// The digit strings from a to b, which have the same length.
const fixed = (a, b) => {
    if (!a)
        return [[]];
    let lo = +a[0];
    let hi = +b[0];
    const ra = a.slice(1);
    const rb = b.slice(1);
    if (lo === hi)
        return prefix(lo, fixed(ra, rb));
    const zeros = '0'.repeat(ra.length);
    const nines = '9'.repeat(ra.length);
    const out = [];
    if (ra !== zeros)
        out.push(...prefix(lo++, fixed(ra, nines)));
    const last = rb === nines ? [] : prefix(hi--, fixed(zeros, rb));
    if (lo <= hi) {
        out.push([digit(lo, hi), ...Array.from(ra, () => digit(0, 9))]);
    }
    out.push(...last);
    return out;
};
// The numbers from a to b, where 0 <= a <= b. If width is set, each
// one has leading zeros to make it that many digits.
const nonneg = (a, b, width) => {
    if (width) {
        return fixed(String(a).padStart(width, '0'), String(b).padStart(width, '0'));
    }
    const out = [];
    for (let len = String(a).length; len <= String(b).length; len++) {
        const lo = Math.max(a, len === 1 ? 0 : 10 ** (len - 1));
        const hi = Math.min(b, 10 ** len - 1);
        out.push(...fixed(String(lo), String(hi)));
    }
    return out;
};
/**
 * The strings that the bash brace expansion `{lo..hi}` makes, as
 * the alternatives of an `@(...)` extglob. Each one is a sequence of
 * digits and digit classes, so there are only a few of them, even for
 * a large range.
 *
 * If either end has a leading zero, such as `{01..10}`, each number
 * has leading zeros to make it as long as the longer end, counting a
 * `-` sign. So `{-05..3}` makes `-05` to `-01`, then `000` to `003`.
 *
 * Returns undefined if either end is not a safe integer.
 */
const numericRange = (loStr, hiStr) => {
    let lo = Number(loStr);
    let hi = Number(hiStr);
    if (!Number.isSafeInteger(lo) || !Number.isSafeInteger(hi))
        return;
    if (lo > hi)
        [lo, hi] = [hi, lo];
    const padded = /^-?0\d/.test(loStr) || /^-?0\d/.test(hiStr);
    const width = padded ? Math.max(loStr.length, hiStr.length) : 0;
    const out = [];
    if (lo < 0) {
        const neg = nonneg(Math.max(-hi, 1), -lo, width && width - 1);
        out.push(...neg.map(s => [{ t: 'lit', ch: '-' }, ...s]));
    }
    if (hi >= 0)
        out.push(...nonneg(Math.max(lo, 0), hi, width));
    return out;
};

// translate the various posix character classes into unicode properties
// this works across all unicode locales
// { <posix class>: [<translation>, negated]
const posixClasses = {
    '[:alnum:]': ['\\p{L}\\p{Nl}\\p{Nd}'],
    '[:alpha:]': ['\\p{L}\\p{Nl}'],
    '[:ascii:]': ['\\x' + '00-\\x' + '7f'],
    '[:blank:]': ['\\p{Zs}\\t'],
    '[:cntrl:]': ['\\p{Cc}'],
    '[:digit:]': ['\\p{Nd}'],
    '[:graph:]': ['\\p{Z}\\p{C}', true],
    '[:lower:]': ['\\p{Ll}'],
    '[:print:]': ['\\p{C}', true],
    '[:punct:]': ['\\p{P}\\p{S}'],
    '[:space:]': ['\\p{Z}\\t\\r\\n\\v\\f'],
    '[:upper:]': ['\\p{Lu}'],
    '[:word:]': ['\\p{L}\\p{Nl}\\p{Nd}\\p{Pc}'],
    '[:xdigit:]': ['A-Fa-f0-9'],
};
// only need to escape a few things inside of brace expressions
// escapes: [ \ ] -
const braceEscape = (s) => s.replace(/[[\]\\-]/g, '\\$&');
const noMatch = /$./;
// Takes a glob string at a posix brace expression. Returns a RegExp
// that tests one character, and the number of glob chars consumed.
// If the class is not closed, consumed is 0, and the `[` must be
// treated as a literal character.
// Out of order ranges are removed. If nothing is left, the RegExp
// is `/$./`, and the rest of the glob is consumed, so that the
// whole glob cannot match.
const parseClass = (glob, position, nocase = false, form) => {
    // normalize one class member, if it stays one code point
    const norm = (c) => {
        const n = form ? c.normalize(form) : c;
        return [...n].length === 1 ? n : c;
    };
    const pos = position;
    /* c8 ignore start */
    if (glob.charAt(pos) !== '[') {
        throw new Error('not in a brace expression');
    }
    /* c8 ignore stop */
    const ranges = [];
    const negs = [];
    let i = pos + 1;
    let sawStart = false;
    let escaping = false;
    let negate = false;
    let endPos = pos;
    let rangeStart = '';
    WHILE: while (i < glob.length) {
        const c = String.fromCodePoint(glob.codePointAt(i));
        if ((c === '!' || c === '^') && i === pos + 1) {
            negate = true;
            i++;
            continue;
        }
        if (c === ']' && sawStart && !escaping) {
            endPos = i + 1;
            break;
        }
        sawStart = true;
        if (c === '\\') {
            if (!escaping) {
                escaping = true;
                i++;
                continue;
            }
            // escaped \ char, fall through and treat like normal char
        }
        if (c === '[' && !escaping) {
            // either a posix class, a collation equivalent, or just a [
            for (const [cls, [unip, neg]] of Object.entries(posixClasses)) {
                if (glob.startsWith(cls, i)) {
                    // invalid, [a-[] is fine, but not [a-[:alpha]]
                    if (rangeStart) {
                        return [noMatch, glob.length - pos];
                    }
                    i += cls.length;
                    if (neg)
                        negs.push(unip);
                    else
                        ranges.push(unip);
                    continue WHILE;
                }
            }
        }
        // now it's just a normal character, effectively
        escaping = false;
        const n = norm(c);
        if (rangeStart) {
            // throw this range away if it's not valid, but others
            // can still match.
            if (n.codePointAt(0) > rangeStart.codePointAt(0)) {
                ranges.push(braceEscape(rangeStart) + '-' + braceEscape(n));
            }
            else if (n === rangeStart) {
                ranges.push(braceEscape(n));
            }
            rangeStart = '';
            i += c.length;
            continue;
        }
        // now might be the start of a range.
        // can be either c-d or c-] or c<more...>] or c] at this point
        if (glob.startsWith('-]', i + c.length)) {
            ranges.push(braceEscape(n + '-'));
            i += c.length + 1;
            continue;
        }
        if (glob.startsWith('-', i + c.length)) {
            rangeStart = n;
            i += c.length + 1;
            continue;
        }
        // not the start of a range, just a single character
        ranges.push(braceEscape(n));
        i += c.length;
    }
    if (endPos < i) {
        // didn't see the end of the class, not a valid class,
        // but might still be valid as a literal match.
        return [noMatch, 0];
    }
    // if we got no ranges and no negates, then we have a range that
    // cannot possibly match anything, and that poisons the whole glob
    if (!ranges.length && !negs.length) {
        return [noMatch, glob.length - pos];
    }
    const sranges = '[' + (negate ? '^' : '') + ranges.join('') + ']';
    const snegs = '[' + (negate ? '' : '^') + negs.join('') + ']';
    const comb = '^' +
        (ranges.length && negs.length ? '(' + sranges + '|' + snegs + ')'
            : ranges.length ? sranges
                : snegs);
    return [new RegExp(comb, nocase ? 'iu' : 'u'), endPos - pos];
};

// the end of the pattern, or of a negated sub-pattern
const MATCH = { t: 'match', id: 0 };
const extTypes = '!?+*@';
const lit = (ch) => ({ t: 'lit', ch });
const reEscape = (s) => s.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&');
// a RegExp that only matches `s`, with unicode case folding
const newFoldRe = (s) => new RegExp(`^${reEscape(s)}$`, 'iu');
// foldRe for one literal char. The same chars are in most patterns,
// so keep them. A RegExp without the `g` or `y` flag has no state to
// share.
const foldCache = new Map();
const foldRe = (ch) => {
    let re = foldCache.get(ch);
    if (!re) {
        re = newFoldRe(ch);
        if (foldCache.size >= 1000)
            foldCache.clear();
        foldCache.set(ch, re);
    }
    return re;
};
const litMatch = (l, c) => {
    if (c === l.ch)
        return true;
    if (!l.re)
        return false;
    const code = c.charCodeAt(0);
    if (code >= 128)
        return l.re.test(c);
    const ascii = (l.ascii ??= new Uint8Array(128));
    ascii[code] ||= l.re.test(c) ? 1 : 2;
    return ascii[code] === 1;
};
const tokenize = (p, nocase, noext, form, mark) => {
    const toks = [];
    for (let i = 0; i < p.length;) {
        const c = String.fromCodePoint(p.codePointAt(i));
        if (mark) {
            // a \ before a range would only escape its first char
            const m = c === '\\' && p.startsWith(mark, i + 1) ? 1 : 0;
            if (m || c === mark) {
                const start = i + m + mark.length;
                const end = p.indexOf(mark, start);
                const r = /^(-?\d+)\.\.(-?\d+)$/.exec(p.slice(start, end));
                const alts = end !== -1 && r && numericRange(r[1], r[2]);
                if (alts) {
                    toks.push({ t: 'ext', type: '@', alts });
                    i = end + mark.length;
                    continue;
                }
            }
        }
        if (c === '\\') {
            // a trailing \ is a literal \
            const e = p.codePointAt(i + 1);
            const ch = e === undefined ? c : String.fromCodePoint(e);
            toks.push(lit(ch));
            i += 1 + ch.length;
            continue;
        }
        if (c === '[') {
            const [re, consumed] = parseClass(p, i, nocase, form);
            if (consumed) {
                toks.push({ t: 'class', re });
                i += consumed;
                continue;
            }
        }
        if (!noext && extTypes.includes(c) && p[i + 1] === '(') {
            toks.push({ t: 'open', type: c });
            i += 2;
            continue;
        }
        toks.push(!noext && c === '|' ? { t: 'bar' }
            : !noext && c === ')' ? { t: 'close' }
                : c === '*' ? { t: 'star' }
                    : c === '?' ? { t: 'any' }
                        : lit(c));
        i += c.length;
    }
    return toks;
};
// map each open token index to the index of its close token
const pair = (toks) => {
    const pairs = new Map();
    const stack = [];
    toks.forEach((tok, i) => {
        if (tok.t === 'open')
            stack.push(i);
        else if (tok.t === 'close' && stack.length)
            pairs.set(stack.pop(), i);
    });
    return pairs;
};
// build the alternatives between start and end. An open token that
// is not closed is never inside a closed extglob, so bar and close
// tokens are only literal at the top level.
const build = (toks, pairs, start, end, top) => {
    let seq = [];
    const alts = [seq];
    for (let i = start; i < end; i++) {
        const tok = toks[i];
        const close = pairs.get(i);
        if (tok.t === 'open' && close !== undefined) {
            const sub = build(toks, pairs, i + 1, close, false);
            seq.push({ t: 'ext', type: tok.type, alts: sub });
            i = close;
        }
        else if (tok.t === 'bar' && !top) {
            alts.push((seq = []));
        }
        else if (tok.t === 'open') {
            seq.push(lit(tok.type), lit('('));
        }
        else if (tok.t === 'bar') {
            seq.push(lit('|'));
        }
        else if (tok.t === 'close') {
            seq.push(lit(')'));
        }
        else {
            seq.push(tok);
        }
    }
    return alts;
};
// normalize each run of literal chars as one string, so that a char
// and the combining marks after it compose (or decompose) together.
// Syntax is already parsed, so a char that normalizes to a syntax
// char (such as full-width `＊` in NFKC) stays a literal.
const normalize = (items, form) => {
    const out = [];
    let run = '';
    const flush = () => {
        for (const ch of run.normalize(form))
            out.push(lit(ch));
        run = '';
    };
    for (const it of items) {
        if (it.t === 'lit') {
            run += it.ch;
            continue;
        }
        flush();
        out.push(it.t === 'ext' ?
            { ...it, alts: it.alts.map(a => normalize(a, form)) }
            : it);
    }
    flush();
    return out;
};
// the start node, and the number of node ids. Ids are dense, from 0
// for the match node.
const compile$1 = (items, nocase) => {
    let id = 1;
    const split = (out) => ({ t: 'split', id: id++, out });
    const seq = (items, next) => items.reduceRight((next, it) => item(it, next), next);
    const item = (it, next) => {
        switch (it.t) {
            case 'lit':
                const re = nocase ? foldRe(it.ch) : undefined;
                return { t: 'lit', id: id++, ch: it.ch, re, next };
            case 'any':
            case 'star':
                return { t: it.t, id: id++, next };
            case 'class':
                return { t: 'class', id: id++, re: it.re, next };
        }
        const alts = (next) => it.alts.map(a => seq(a, next));
        switch (it.type) {
            case '@':
                return split(alts(next));
            case '?':
                return split([next, ...alts(next)]);
            case '!':
                return { t: 'neg', id: id++, sub: split(alts(MATCH)), next };
        }
        // * and +, loop back after each match
        const after = split([]);
        const entry = split(alts(after));
        after.out.push(next, entry);
        return it.type === '*' ? after : entry;
    };
    const start = seq(items, MATCH);
    return [start, id];
};
// one line per node, in the order that a walk from the start
// reaches them. Edges point to node ids. The nodes of a negated
// sub-pattern are indented under their negation.
const show = (start) => {
    const lines = [];
    const seen = new Set();
    const ref = (n) => (n.t === 'match' ? 'match' : String(n.id));
    const walk = (n, indent) => {
        if (n.t === 'match' || seen.has(n))
            return;
        seen.add(n);
        const line = (desc) => lines.push(`${indent}${n.id}: ${desc}`);
        switch (n.t) {
            case 'split':
                line(`split -> ${n.out.map(ref).join(', ')}`);
                for (const o of n.out)
                    walk(o, indent);
                return;
            case 'neg':
                line(`!(${ref(n.sub)}) -> ${ref(n.next)}`);
                walk(n.sub, indent + '  ');
                return walk(n.next, indent);
            case 'lit':
                line(`${JSON.stringify(n.ch)} -> ${ref(n.next)}`);
                break;
            case 'class':
                line(`${n.re} -> ${ref(n.next)}`);
                break;
            default:
                line(`${n.t === 'any' ? '?' : '*'} -> ${ref(n.next)}`);
        }
        walk(n.next, indent);
    };
    walk(start, '');
    return [`start -> ${ref(start)}`, ...lines].join('\n');
};
// The threads at one position in the string. Each node thread is
// only kept once, and runs with the same state are only kept once,
// so that identical threads merge. The match node is not in
// `threads`, because it can not step. It sets `match` instead.
class State {
    // set by the Sim, to mark the nodes that this state has
    gen;
    threads = [];
    match = false;
    runs = [];
    // the sorted ids of the threads, with 0 for a match, once the
    // state is done
    ids = [];
    constructor(gen) {
        this.gen = gen;
    }
    // no threads, so nothing more can match
    get dead() {
        return !this.threads.length && !this.match && !this.runs.length;
    }
}
// true if the two states hold the same threads
const sameState = (a, b) => {
    if (a.ids.length !== b.ids.length)
        return false;
    if (a.runs.length !== b.runs.length)
        return false;
    if (a.ids.some((id, i) => id !== b.ids[i]))
        return false;
    return a.runs.every(r => b.runs.some(o => o.neg === r.neg && sameState(o.state, r.state)));
};
const marks = (size) => ({
    has: new Float64Array(size),
    seen: new Float64Array(size),
    gen: 0,
});
class Sim {
    // `.` and `..` only match literal dots, even with `dot:true`
    dots;
    // the string starts with `.`, and `dot:true` is not set
    dotStart;
    #marks;
    constructor(dots, dotStart, marks) {
        this.dots = dots;
        this.dotStart = dotStart;
        this.#marks = marks;
    }
    state() {
        return new State(++this.#marks.gen);
    }
    // sort the ids of a state, once it has all of its threads
    done(state) {
        state.ids = state.threads.map(n => n.id).sort((a, b) => a - b);
        if (state.match)
            state.ids.unshift(MATCH.id);
        return state;
    }
    // true the first time that the state walks through the node, so
    // that loops in the graph stop
    #visit(state, node) {
        const { seen } = this.#marks;
        if (seen[node.id] === state.gen)
            return false;
        seen[node.id] = state.gen;
        return true;
    }
    #addThread(state, node) {
        const { has } = this.#marks;
        if (has[node.id] === state.gen)
            return false;
        has[node.id] = state.gen;
        state.threads.push(node);
        return true;
    }
    // wildcards only match a leading dot if `dot:true`. In a negated
    // sub-pattern, this does not apply, because the negation itself
    // can not match a leading dot.
    restricted(i, top) {
        return top && (this.dots || (this.dotStart && i === 0));
    }
    add(state, node, i, top) {
        switch (node.t) {
            case 'split':
                if (!this.#visit(state, node))
                    return;
                for (const o of node.out)
                    this.add(state, o, i, top);
                return;
            case 'neg':
                if (!this.#visit(state, node))
                    return;
                const sub = this.state();
                this.add(sub, node.sub, i, false);
                this.done(sub);
                return this.addRun(state, { t: 'run', neg: node, state: sub }, i, top);
            case 'star':
                // a * can not start a dotfile, even if it matches nothing
                if (this.restricted(i, top))
                    return;
                if (this.#addThread(state, node))
                    this.add(state, node.next, i, top);
                return;
            case 'match':
                state.match = true;
                return;
            default:
                this.#addThread(state, node);
        }
    }
    addRun(state, run, i, top) {
        for (const r of state.runs) {
            if (r.neg === run.neg && sameState(r.state, run.state))
                return;
        }
        state.runs.push(run);
        if (!run.state.match) {
            this.add(state, run.neg.next, i, top);
        }
    }
    // the threads after char `c`, at index `i`
    step(state, c, i, top) {
        const next = this.state();
        for (const th of state.threads) {
            switch (th.t) {
                case 'lit':
                    if (litMatch(th, c)) {
                        this.add(next, th.next, i + 1, top);
                    }
                    break;
                case 'any':
                    if (!this.restricted(i, top))
                        this.add(next, th.next, i + 1, top);
                    break;
                case 'class':
                    if (!this.restricted(i, top) && th.re.test(c)) {
                        this.add(next, th.next, i + 1, top);
                    }
                    break;
                case 'star':
                    if (!this.restricted(i, top))
                        this.add(next, th, i + 1, top);
            }
        }
        if (!this.restricted(i, top)) {
            for (const run of state.runs) {
                // a sub-pattern with no threads can not match again, so the
                // run stays the same
                if (run.state.dead) {
                    this.addRun(next, run, i + 1, top);
                    continue;
                }
                const sub = this.step(run.state, c, i, false);
                this.addRun(next, { t: 'run', neg: run.neg, state: sub }, i + 1, top);
            }
        }
        return this.done(next);
    }
}
// A canonical key for the threads in a state. States with the same
// key hold the same threads, so they match the same strings.
const stateKey = (state) => {
    const ids = state.ids.join();
    if (!state.runs.length)
        return ids;
    const runs = state.runs.map(r => `${r.neg.id}(${stateKey(r.state)})`);
    return `${ids}|${runs.sort().join('|')}`;
};
// The cache can hold about this many chars of state keys and
// transitions. When it is full, it is cleared, so that a pattern
// can not use an unbounded amount of memory.
const DFA_BUDGET = 1 << 18;
// A cache of the states that the simulation reaches, built as the
// matcher is used. Each char of a string is then one Map lookup,
// once the states that it leads to are known.
//
// The dot rules only restrict the first char of a dotfile (strings
// that are only `.` or `..` do not use the cache). So a dotfile
// starts at its own state, which takes its first step with the
// restriction, and every other state takes steps without it.
class Dfa {
    #start;
    #states = new Map();
    #size = 0;
    #plain;
    #dotStart;
    #sim;
    #dotSim;
    constructor(start, marks) {
        this.#start = start;
        this.#sim = new Sim(false, false, marks);
        this.#dotSim = new Sim(false, true, marks);
    }
    #make(state) {
        return {
            state,
            match: state.match,
            dead: state.dead,
            next: new Map(),
        };
    }
    #intern(state) {
        const key = stateKey(state);
        const found = this.#states.get(key);
        if (found)
            return found;
        if (this.#size > DFA_BUDGET)
            this.#clear();
        const d = this.#make(state);
        this.#states.set(key, d);
        this.#size += key.length + 1;
        return d;
    }
    #clear() {
        this.#states.clear();
        this.#size = 0;
        this.#plain = undefined;
        this.#dotStart = undefined;
    }
    start(dotStart) {
        if (dotStart) {
            if (this.#dotStart)
                return this.#dotStart;
            const state = this.#dotSim.state();
            this.#dotSim.add(state, this.#start, 0, true);
            return (this.#dotStart = this.#make(this.#dotSim.done(state)));
        }
        if (this.#plain)
            return this.#plain;
        const state = this.#sim.state();
        this.#sim.add(state, this.#start, 0, true);
        return (this.#plain = this.#intern(this.#sim.done(state)));
    }
    // the next state, after a miss in `d.ascii`
    next(d, c) {
        const code = c.charCodeAt(0);
        const found = code < 128 ? undefined : d.next.get(c);
        if (found)
            return found;
        // the dotfile start is not in the cache, so it is never shared
        const n = d === this.#dotStart ?
            this.#intern(this.#dotSim.step(d.state, c, 0, true))
            : this.#intern(this.#sim.step(d.state, c, 1, true));
        if (code < 128) {
            if (!d.ascii) {
                d.ascii = new Array(128);
                this.#size += 128;
            }
            d.ascii[code] = n;
        }
        else {
            d.next.set(c, n);
        }
        this.#size++;
        return n;
    }
}
// the nodes in order, if the graph is a single chain
const linear = (start) => {
    const nodes = [];
    for (let n = start; n.t !== 'match'; n = n.next) {
        if (n.t === 'split' || n.t === 'neg')
            return undefined;
        nodes.push(n);
    }
    return nodes;
};
// Match a chain of nodes. Each node other than `*` matches exactly
// one char, so on a failure it is enough to go back to the last `*`
// and let it match one more char. This takes at most
// nodes.length * chars.length steps.
const testLinear = (nodes, chars, start, end) => {
    let ni = 0;
    let ci = start;
    let starNi = -1;
    let starCi = 0;
    while (ci < end) {
        const n = nodes[ni];
        if (n?.t === 'star') {
            starNi = ni++;
            starCi = ci;
            continue;
        }
        const c = chars[ci];
        if (n &&
            (n.t === 'any' ||
                (n.t === 'lit' && litMatch(n, c)) ||
                (n.t === 'class' && n.re.test(c)))) {
            ni++;
            ci++;
            continue;
        }
        if (starNi === -1)
            return false;
        ni = starNi + 1;
        ci = ++starCi;
    }
    while (nodes[ni]?.t === 'star')
        ni++;
    return ni === nodes.length;
};
// The least and most chars that the items can match. These are only
// bounds: a negation can match a string of any length, so it counts
// as 0 to Infinity.
const lengths = (items) => {
    let min = 0;
    let max = 0;
    for (const it of items) {
        const [lo, hi] = itemLengths(it);
        min += lo;
        max += hi;
    }
    return [min, max];
};
const itemLengths = (it) => {
    if (it.t === 'star')
        return [0, Infinity];
    if (it.t !== 'ext')
        return [1, 1];
    if (it.type === '!')
        return [0, Infinity];
    const alts = it.alts.map(lengths);
    const min = Math.min(...alts.map(a => a[0]));
    const max = Math.max(...alts.map(a => a[1]));
    // a loop of alternatives that only match the empty string is empty
    const loop = max === 0 ? 0 : Infinity;
    return (it.type === '@' ? [min, max]
        : it.type === '?' ? [0, max]
            : it.type === '*' ? [0, loop]
                : [min, loop]);
};
// true if the chars from `start` match the literals
const hasAffix = (lits, chars, start) => {
    for (let j = 0; j < lits.length; j++) {
        if (!litMatch(lits[j], chars[start + j]))
            return false;
    }
    return true;
};
// a `/`, or half of a surrogate pair
const slashOrSurrogate = /[/\ud800-\udfff]/;
const surrogate = /[\ud800-\udfff]/;
// a string can be indexed by code point, unless it has surrogate
// pairs
const codePoints = (s) => surrogate.test(s) ? [...s] : s;
const noSlash = (s) => {
    if (s.includes('/')) {
        throw new Error('can only match a single path portion, got: ' + s);
    }
};
class Matcher {
    pattern;
    options;
    #start;
    // the number of node ids
    #size;
    #marks;
    // the Sim for strings that are only `.` or `..`
    #dotsSim;
    // the string to compare, if the pattern has no magic. With
    // `nocase:true`, the RegExp that folds case is made when it is
    // first used.
    #literal;
    #literalFold = false;
    #literalRe;
    // the nodes between the prefix and suffix, if the graph is a
    // single chain
    #linear;
    // the linear nodes are only `*` and `?`, so the length bounds and
    // the prefix and suffix decide the match
    #wild = false;
    // the least and most chars that a match can have
    #min = 0;
    #max = Infinity;
    // the literals that a match must start and end with. Each one
    // matches exactly one char, and they are distinct items in the
    // pattern, so a string that does not have them can not match.
    #prefix = [];
    #suffix = [];
    // the prefix and suffix as strings, if they do not fold case
    #prefixStr;
    #suffixStr;
    // there is a prefix or suffix to check
    #affix = false;
    #dfa;
    #form;
    constructor(pattern, options = {}) {
        if (pattern.includes('/')) {
            throw new Error('can only match a single path portion, got pattern: ' + pattern);
        }
        this.pattern = pattern;
        this.options = options;
        const { nocase = false, noext = false, normalize: n } = options;
        this.#form = n === true ? 'NFC' : n || undefined;
        // a pattern that is only an empty extglob is a literal string,
        // except for `!()`, which matches any non-empty string
        const literal = /^[?*+@]\(\)$/.test(pattern);
        const toks = tokenize(pattern, nocase, noext || literal, this.#form, options.rangeMark);
        let [items] = build(toks, pair(toks), 0, toks.length, true);
        if (this.#form)
            items = normalize(items, this.#form);
        const [start, size] = compile$1(items, nocase);
        this.#start = start;
        this.#size = size;
        if (items.every(it => it.t === 'lit')) {
            this.#literal = items.map(it => it.ch).join('');
            this.#literalFold = nocase;
        }
        else {
            const lit = (it) => it.t !== 'lit' ? undefined
                : nocase ? { ch: it.ch, re: foldRe(it.ch) }
                    : { ch: it.ch };
            for (const it of items) {
                const l = lit(it);
                if (!l)
                    break;
                this.#prefix.push(l);
            }
            for (let j = items.length - 1; j >= 0; j--) {
                const l = lit(items[j]);
                if (!l)
                    break;
                this.#suffix.unshift(l);
            }
            this.#affix = !!(this.#prefix.length || this.#suffix.length);
            if (!nocase) {
                this.#prefixStr = this.#prefix.map(l => l.ch).join('');
                this.#suffixStr = this.#suffix.map(l => l.ch).join('');
            }
            this.#linear = linear(this.#start)?.slice(this.#prefix.length, -this.#suffix.length || undefined);
            this.#wild = !!this.#linear?.every(n => n.t === 'star' || n.t === 'any');
            const [min, max] = lengths(items);
            this.#min = min;
            this.#max = max;
        }
    }
    test(s) {
        // The `/` check uses the string as given, so with normalization it
        // is a separate step. Otherwise, one scan finds both a `/` and the
        // surrogate pairs that stop the string being indexed by code point.
        if (this.#form) {
            noSlash(s);
            return this.#test(s.normalize(this.#form));
        }
        if (slashOrSurrogate.test(s)) {
            noSlash(s);
            return this.#test(s, [...s]);
        }
        return this.#test(s, s);
    }
    /**
     * The same as {@link Matcher#test}, but the string is not checked
     * for `/` chars, so the result for a string that has one is not
     * defined. Only use it for a string that is known to be one path
     * portion, such as a part of a path that was split on `/`. It can
     * be faster, because some patterns do not need to look at each char
     * of the string.
     */
    testUnchecked(s) {
        return this.#test(this.#form ? s.normalize(this.#form) : s);
    }
    // Test a string that has no `/`. `chars` indexes it by code point.
    // If it is not given, it is only found if a step needs it.
    #test(s, chars) {
        if (this.#literal !== undefined) {
            return this.#literalFold ?
                (this.#literalRe ??= newFoldRe(this.#literal)).test(s)
                : s === this.#literal;
        }
        // the length check means that the prefix and suffix do not
        // overlap. Without the chars, the length in code points is from
        // half of the UTF-16 length (if each one is a surrogate pair) to
        // all of it, which is often enough to know.
        const min = this.#min;
        const max = this.#max;
        if (chars === undefined) {
            const most = s.length;
            const least = (most + 1) >> 1;
            if (most < min || least > max)
                return false;
            if (least < min || most > max)
                chars = codePoints(s);
        }
        if (chars !== undefined &&
            (chars.length < min || chars.length > max)) {
            return false;
        }
        const prefix = this.#prefix.length;
        if (this.#affix) {
            if (this.#prefixStr !== undefined && this.#suffixStr !== undefined) {
                if (!s.startsWith(this.#prefixStr) ||
                    !s.endsWith(this.#suffixStr)) {
                    return false;
                }
            }
            else {
                chars ??= codePoints(s);
                const end = chars.length - this.#suffix.length;
                if (!hasAffix(this.#prefix, chars, 0) ||
                    !hasAffix(this.#suffix, chars, end)) {
                    return false;
                }
            }
        }
        const dotStart = !this.options.dot && s.startsWith('.');
        if (this.#linear) {
            // `.` and `..` only match literal dots, even with `dot:true`
            if (s === '.' || s === '..')
                return false;
            // only a literal can match the leading dot. A `*` can not
            // start a dotfile, even if it matches nothing.
            if (dotStart && !prefix)
                return false;
            if (this.#wild)
                return true;
            chars ??= codePoints(s);
            const end = chars.length - this.#suffix.length;
            return testLinear(this.#linear, chars, prefix, end);
        }
        chars ??= codePoints(s);
        if (s === '.' || s === '..') {
            this.#marks ??= marks(this.#size);
            const sim = (this.#dotsSim ??= new Sim(true, false, this.#marks));
            const start = sim.state();
            sim.add(start, this.#start, 0, true);
            let state = sim.done(start);
            for (let i = 0; i < chars.length; i++) {
                state = sim.step(state, chars[i], i, true);
            }
            return state.match;
        }
        this.#marks ??= marks(this.#size);
        const dfa = (this.#dfa ??= new Dfa(this.#start, this.#marks));
        let d = dfa.start(dotStart);
        // read char codes from the string, so that a one-char string is
        // only made for a cache miss
        const str = chars === s;
        for (let i = 0; i < chars.length; i++) {
            if (d.dead)
                return false;
            const code = str ? s.charCodeAt(i) : chars[i].charCodeAt(0);
            d = d.ascii?.[code] ?? dfa.next(d, chars[i]);
        }
        return d.match;
    }
    /** a readable listing of the state machine */
    toString() {
        return show(this.#start);
    }
}

const MAX_PATTERN_LENGTH = 1024 * 64;
const assertValidPattern = (pattern) => {
    if (typeof pattern !== 'string') {
        throw new TypeError('invalid pattern');
    }
    if (pattern.length > MAX_PATTERN_LENGTH) {
        throw new TypeError('pattern is too long');
    }
};

/**
 * Escape all magic characters in a glob pattern.
 *
 * If the {@link MinimatchOptions.windowsPathsNoEscape}
 * option is used, then characters are escaped by wrapping in `[]`, because
 * a magic character wrapped in a character class can only be satisfied by
 * that exact character.  In this mode, `\` is _not_ escaped, because it is
 * not interpreted as a magic character, but instead as a path separator.
 *
 * If the {@link MinimatchOptions.magicalBraces} option is used,
 * then braces (`{` and `}`) will be escaped.
 *
 * A leading `#` or `!` is escaped as well, so that the result is never a
 * comment or a negated pattern. In `windowsPathsNoEscape` mode, a leading
 * `!` is written as `@(!)`, because `[!` starts a negated class.
 */
const escape = (s, { windowsPathsNoEscape = false, magicalBraces = false, } = {}) => {
    // don't need to escape +@! because we escape the parens
    // that make those magic, and escaping ! as [!] isn't valid,
    // because [!]] is a valid glob class meaning not ']'.
    // However, at the start of the pattern, '!' negates the pattern and
    // '#' makes it a comment, so the first character is handled below.
    const e = magicalBraces ?
        windowsPathsNoEscape ? s.replace(/[?*()[\]{}]/g, '[$&]')
            : s.replace(/[?*()[\]\\{}]/g, '\\$&')
        : windowsPathsNoEscape ? s.replace(/[?*()[\]]/g, '[$&]')
            : s.replace(/[?*()[\]\\]/g, '\\$&');
    const c = e.charAt(0);
    if (c === '#') {
        return (windowsPathsNoEscape ? '[#]' : '\\#') + e.slice(1);
    }
    if (c === '!') {
        // '[!]' can not be used, because '[!' starts a negated class, and
        // '\' is a path separator in windowsPathsNoEscape mode. '@(!)'
        // matches only '!'. If extglobs are disabled with `noext`, it
        // matches nothing, rather than everything.
        return (windowsPathsNoEscape ? '@(!)' : '\\!') + e.slice(1);
    }
    return e;
};

/**
 * Un-escape a string that has been escaped with {@link escape}.
 *
 * If the {@link MinimatchOptions.windowsPathsNoEscape} option is used, then
 * square-bracket escapes are removed, but not backslash escapes.
 *
 * For example, it will turn the string `'[*]'` into `*`, but it will not
 * turn `'\\*'` into `'*'`, because `\` is a path separator in
 * `windowsPathsNoEscape` mode.
 *
 * When `windowsPathsNoEscape` is not set, then both square-bracket escapes and
 * backslash escapes are removed.
 *
 * Slashes (and backslashes in `windowsPathsNoEscape` mode) cannot be escaped
 * or unescaped.
 *
 * When `magicalBraces` is not set, escapes of braces (`{` and `}`) will not be
 * unescaped.
 */
const unescape = (s, { windowsPathsNoEscape = false, magicalBraces = true, } = {}) => {
    // escape() writes a leading '!' as '@(!)' in windowsPathsNoEscape mode
    if (windowsPathsNoEscape && s.startsWith('@(!)')) {
        return ('!' + unescape(s.slice(4), { windowsPathsNoEscape, magicalBraces }));
    }
    if (magicalBraces) {
        return windowsPathsNoEscape ?
            s.replace(/\[([^/\\])\]/g, '$1')
            : s
                .replace(/((?!\\).|^)\[([^/\\])\]/g, '$1$2')
                .replace(/\\([^/])/g, '$1');
    }
    return windowsPathsNoEscape ?
        s.replace(/\[([^/\\{}])\]/g, '$1')
        : s
            .replace(/((?!\\).|^)\[([^/\\{}])\]/g, '$1$2')
            .replace(/\\([^/{}])/g, '$1');
};

const DEFAULT_BRACE_EXPAND_MAX = 100_000;
const DEFAULT_GLOB_STAR_RECURSION_MAX = 200;
// avoid the annoying deprecation flag lol
const AWE_KEY = ('allowWindow' + 'sEscape');
const minimatch = (p, pattern, options) => {
    assertValidPattern(pattern);
    // shortcut: comments match nothing.
    if (!options?.nocomment && pattern.charAt(0) === '#') {
        return false;
    }
    return cachedMinimatch(pattern, options).match(p);
};
// The Minimatch objects that minimatch() used most recently, by options
// and then by pattern. When the cache is full, it becomes the old one,
// and the objects used from the old one are moved back to a new one.
// So it keeps 256 to 512 objects.
// The patterns can come from users, so the cache is also bounded by
// the total weight of the objects (see cacheWeight()), and an object
// that is too heavy is never kept. Otherwise a few unique patterns
// with large brace expansions would fill the heap.
let cache = new Map();
let oldCache = new Map();
let cacheSize = 0;
let cacheTotalWeight = 0;
const cacheMax = 256;
const cacheMaxWeight = 1 << 15;
const cacheMaxEntryWeight = 1 << 12;
// About the memory that a compiled object keeps: the pattern and the
// expanded patterns, of which each row in set is made.
const cacheWeight = (mm) => {
    let w = mm.pattern.length;
    for (const s of mm.globSet) {
        w += s.length + 1;
        if (w > cacheMaxEntryWeight)
            break;
    }
    return w;
};
// 0, 1 or 2 for undefined, falsy or truthy.
const tri = (v) => v === undefined ? 0
    : v ? 2
        : 1;
// The weight of each boolean option's base-3 digit in the key. The
// weights below 24 are for optimizationLevel (1), platform (3) and
// windowsPathsNoEscape (12). tsc fails here if a boolean option is
// not in the list.
const booleanWeights = new Map(Object.keys({
    nobrace: 0,
    nocomment: 0,
    nonegate: 0,
    noglobstar: 0,
    noext: 0,
    nonull: 0,
    partial: 0,
    dot: 0,
    nocase: 0,
    nocaseMagicOnly: 0,
    magicalBraces: 0,
    matchBase: 0,
    flipNegate: 0,
    preserveMultipleSlashes: 0,
    windowsNoMagicRoot: 0,
}).map((k, i) => [k, 24 * 3 ** i]));
// The cache key for a set of options. It is a number, unless an
// option is set to a value that the number can not show, such as
// normalize or an uncommon platform. Then it is a JSON string.
// The defaults give 0, the same key as no options.
// It only reads the keys that are set, so that the speed does not
// depend on the shape of the options object.
const optionsKey = (o) => {
    let n = 0;
    let wpe = false;
    // inherited keys too, because Minimatch reads them
    // oxlint-disable-next-line guard-for-in
    for (const k in o) {
        const v = o[k];
        switch (k) {
            // the same test as the Minimatch constructor
            case 'windowsPathsNoEscape':
                if (v)
                    wpe = true;
                break;
            case AWE_KEY:
                if (v === false)
                    wpe = true;
                break;
            case 'platform': {
                // the same test as the Minimatch constructor
                const p = v || defaultPlatform;
                if (p === defaultPlatform)
                    break;
                if (p === 'darwin')
                    n += 3;
                else if (p === 'win32')
                    n += 6;
                else if (p === 'linux')
                    n += 9;
                else
                    return JSON.stringify(o);
                break;
            }
            case 'optimizationLevel':
                // The same tests as Minimatch: 1 when undefined, then >= 2,
                // >= 1, or else 0. The default level 1 adds 0.
                if (v === undefined)
                    break;
                n +=
                    v >= 2 ? 1
                        : v >= 1 ? 0
                            : 2;
                break;
            case 'braceExpandMax':
                if (v !== undefined && v !== DEFAULT_BRACE_EXPAND_MAX) {
                    return JSON.stringify(o);
                }
                break;
            case 'maxGlobstarRecursion':
                if (v !== undefined && v !== DEFAULT_GLOB_STAR_RECURSION_MAX) {
                    return JSON.stringify(o);
                }
                break;
            case 'normalize':
                if (v !== undefined)
                    return JSON.stringify(o);
                break;
            default:
                // unknown keys have no weight
                n += (booleanWeights.get(k) ?? 0) * tri(v);
        }
    }
    return wpe ? n + 12 : n;
};
// A copy, so a later change to the options can not change it. Unlike
// a spread, it keeps the inherited keys, which optionsKey() and the
// Minimatch constructor also read.
const copyOptions = (o) => {
    const copy = {};
    // oxlint-disable-next-line guard-for-in
    for (const k in o)
        copy[k] = o[k];
    return copy;
};
const cachedMinimatch = (pattern, options) => {
    const key = options ? optionsKey(options) : 0;
    let mm = cache.get(key)?.get(pattern);
    if (mm)
        return mm;
    mm =
        oldCache.get(key)?.get(pattern) ??
            new Minimatch(pattern, copyOptions(options));
    const weight = cacheWeight(mm);
    // too big to keep, so it is compiled again each time
    if (weight > cacheMaxEntryWeight)
        return mm;
    if (cacheSize >= cacheMax ||
        cacheTotalWeight + weight > cacheMaxWeight) {
        oldCache = cache;
        cache = new Map();
        cacheSize = 0;
        cacheTotalWeight = 0;
    }
    let byPattern = cache.get(key);
    if (!byPattern)
        cache.set(key, (byPattern = new Map()));
    byPattern.set(pattern, mm);
    cacheSize++;
    cacheTotalWeight += weight;
    return mm;
};
/* c8 ignore start */
const defaultPlatform = (typeof process === 'object' && process ?
    process.env?.__MINIMATCH_TESTING_PLATFORM__ || process.platform
    : 'posix');
const path = {
    win32: { sep: '\\' },
    posix: { sep: '/' },
};
/* c8 ignore stop */
const sep = defaultPlatform === 'win32' ? path.win32.sep : path.posix.sep;
minimatch.sep = sep;
const GLOBSTAR = Symbol('globstar **');
minimatch.GLOBSTAR = GLOBSTAR;
const filter = (pattern, options) => {
    let mm;
    return (p) => (mm ??= cachedMinimatch(pattern, options)).match(p);
};
minimatch.filter = filter;
const ext = (a, b = {}) => Object.assign({}, a, b);
const defaults = (def) => {
    if (!def || typeof def !== 'object' || !Object.keys(def).length) {
        return minimatch;
    }
    const orig = minimatch;
    const m = (p, pattern, options = {}) => orig(p, pattern, ext(def, options));
    return Object.assign(m, {
        Minimatch: class Minimatch extends orig.Minimatch {
            constructor(pattern, options = {}) {
                super(pattern, ext(def, options));
            }
            static defaults(options) {
                return orig.defaults(ext(def, options)).Minimatch;
            }
        },
        unescape: (s, options = {}) => orig.unescape(s, ext(def, options)),
        escape: (s, options = {}) => orig.escape(s, ext(def, options)),
        filter: (pattern, options = {}) => orig.filter(pattern, ext(def, options)),
        defaults: (options) => orig.defaults(ext(def, options)),
        braceExpand: (pattern, options = {}) => orig.braceExpand(pattern, ext(def, options)),
        match: (list, pattern, options = {}) => orig.match(list, pattern, ext(def, options)),
        sep: orig.sep,
        GLOBSTAR: GLOBSTAR,
    });
};
minimatch.defaults = defaults;
// Brace expansion:
// a{b,c}d -> abd acd
// a{b,}c -> abc ac
// a{0..3}d -> a0d a1d a2d a3d
// a{b,c{d,e}f}g -> abg acdfg acefg
// a{b,c}d{e,f}g -> abdeg acdeg abdeg abdfg
//
// Invalid sets are not expanded.
// a{2..}b -> a{2..}b
// a{b}c -> a{b}c
const braceExpand = (pattern, options = {}) => {
    assertValidPattern(pattern);
    // Thanks to Yeting Li <https://github.com/yetingli> for
    // improving this regexp to avoid a ReDOS vulnerability.
    if (options.nobrace || !/\{(?:(?!\{).)*\}/.test(pattern)) {
        // shortcut. no need to expand.
        return [pattern];
    }
    // brace-expansion turns each escaped backslash '\\' into a single '\',
    // which then escapes the next character instead, and can turn an
    // escaped magic character (for example '\\\*') into a live one.
    // Double every pair, so an escaped backslash comes back out still
    // escaped. The parity of each run of backslashes is unchanged.
    let p = pattern.replace(/\\\\/g, '\\\\\\\\');
    // brace-expansion does not know about [...] classes. In
    // windowsPathsNoEscape mode, escape() writes a literal brace as '[{]'
    // or '[}]'. Escape the brace for brace-expansion, which removes that
    // backslash again, leaving '[{]' or '[}]'.
    if (options.windowsPathsNoEscape || options[AWE_KEY] === false) {
        p = p.replace(/\[([{}])\]/g, '[\\$1]');
    }
    return expand(p, { max: options.braceExpandMax });
};
minimatch.braceExpand = braceExpand;
// A numeric range with at least this many values is matched as one
// pattern portion, rather than expanded. For a glob walk, that is
// one directory read, in place of a stat for each value.
const RANGE_MIN = 100;
// a {lo..hi} range that is not escaped, and not a ${...} variable
const rangeRe = /(?<![\\$])\{(-?\d+)\.\.(-?\d+)\}/g;
// true if a range mark in this portion is inside a `!(...)`,
// `*(...)` or `+(...)` extglob. Those repeat or negate their
// contents, so one Matcher for the whole range does not match the
// same strings as the union of one pattern per value. For example,
// `*({1..100})` would match `510` as `5` then `10`, and `!({1..100})`
// would not match `5`, but every expanded pattern except `!(5)` does.
// `@(...)` and `?(...)` are fine: they pick one value at most.
const inRepeatOrNegExt = (portion, mark) => {
    const stack = [];
    for (let i = 0; i < portion.length; i++) {
        const c = portion.charAt(i);
        if (c === '\\') {
            i++;
        }
        else if (c === mark) {
            if (stack.some(t => t !== '@' && t !== '?'))
                return true;
        }
        else if (portion.charAt(i + 1) === '(' && '!?+*@'.includes(c)) {
            stack.push(c);
            i++;
        }
        else if (c === ')') {
            stack.pop();
        }
    }
    return false;
};
const match = (list, pattern, options = {}) => {
    const mm = new Minimatch(pattern, options);
    list = list.filter(f => mm.match(f));
    if (mm.options.nonull && !list.length) {
        list.push(pattern);
    }
    return list;
};
minimatch.match = match;
const globMagic = /[?*]|[+@!]\(.*?\)|\[|\]/;
// Index of the `]` that closes the class that starts at `start`,
// or -1 if it is not closed. Posix classes such as `[:alpha:]` are
// not skipped, so this can find a `]` before the real end. That
// only makes a class look less like a literal.
const classEnd = (pattern, start) => {
    let i = start + 1;
    if (pattern.charAt(i) === '!' || pattern.charAt(i) === '^')
        i++;
    let sawStart = false;
    for (; i < pattern.length; i++) {
        const c = pattern.charAt(i);
        if (c === ']' && sawStart)
            return i;
        sawStart = true;
        if (c === '\\')
            i++;
    }
    return -1;
};
// If a path portion pattern has no magic, return the string it
// matches. Otherwise, return undefined. This can report magic for
// a pattern that is in fact literal (eg, `[]`), but never the
// reverse, so a string result is always safe to compare directly.
const literal$1 = (pattern, noext) => {
    if (!noext && (pattern === '+()' || pattern === '@()'))
        return pattern;
    let lit = '';
    for (let i = 0; i < pattern.length; i++) {
        const c = pattern.charAt(i);
        if (c === '\\') {
            // a trailing \ is a literal \
            lit += pattern.charAt(++i) || c;
        }
        else if (c === '*' || c === '?') {
            return undefined;
        }
        else if (c === '[') {
            const close = classEnd(pattern, i);
            if (close === -1) {
                // not closed, so the [ is a literal
                lit += c;
                continue;
            }
            // a class of one char, such as `[*]` or `[\b]`, is a literal
            let body = pattern.slice(i + 1, close);
            if (body.startsWith('\\'))
                body = body.slice(1);
            if ([...body].length !== 1 || '!^'.includes(pattern.charAt(i + 1))) {
                return undefined;
            }
            lit += body;
            i = close;
        }
        else if (!noext &&
            '+@!'.includes(c) &&
            pattern.charAt(i + 1) === '(' &&
            pattern.includes(')', i + 2)) {
            return undefined;
        }
        else {
            lit += c;
        }
    }
    return lit;
};
// The matching engine compiles and walks extglobs recursively, so a
// path portion with very many extglobs (nested, such as `*(*(*(a)))`,
// or in a row, such as `?(a)?(a)?(a)`) can exhaust the call stack.
// Portions with more than this many extglobs are rejected.
const MAX_EXTGLOBS = 256;
// The number of extglob openers, such as `*(`, in a path portion
// pattern. Chars in a class are counted too, so this can be more than
// the number of extglobs, but never less.
const extglobCount = (pattern) => {
    let n = 0;
    for (let i = 0; i < pattern.length - 1; i++) {
        const c = pattern.charAt(i);
        if (c === '\\') {
            i++;
        }
        else if ('+@!?*'.includes(c) && pattern.charAt(i + 1) === '(') {
            n++;
            i++;
        }
    }
    return n;
};
const assertValidExtglobs = (pattern) => {
    if (extglobCount(pattern) > MAX_EXTGLOBS) {
        throw new TypeError('pattern has too many extglobs');
    }
};
// True if the portion pattern has the same meaning as an alternative
// inside `@(...)`. It must not have a `|` or `)` that is not in a
// closed extglob (those are literal at the top level), an extglob
// that is not closed (the `)` of the `@(...)` would close it), or a
// trailing `\` (it would escape the next `|`). A pattern that is
// only an empty extglob, such as `?()`, is literal on its own, but
// not in `@(...)`. Posix classes such as `[:alpha:]` can hide a `]`
// from classEnd, so patterns with them are not merged.
const extSafe = (pattern) => {
    if (/^[?*+@]\(\)$/.test(pattern) || pattern.includes('[:'))
        return false;
    let depth = 0;
    for (let i = 0; i < pattern.length; i++) {
        const c = pattern.charAt(i);
        if (c === '\\') {
            if (++i === pattern.length)
                return false;
        }
        else if (c === '[') {
            const close = classEnd(pattern, i);
            if (close !== -1)
                i = close;
        }
        else if ('+@!?*'.includes(c) && pattern.charAt(i + 1) === '(') {
            depth++;
            i++;
        }
        else if (c === ')') {
            if (!depth--)
                return false;
        }
        else if (c === '|' && !depth) {
            return false;
        }
    }
    return !depth;
};
// The last path that Minimatch#match split, and its parts. A path is
// often tested against many patterns in a row (such as a list of
// ignore patterns), so this saves splitting it again. The parts are
// never changed, so they can be shared.
let lastSplit;
// The last path that Minimatch#match checked before splitting it. If
// the same path is checked again, it is being tested against many
// patterns, so it is split and the parts are kept for the others.
let lastChecked;
// true if a pattern portion that is not ** matches a path portion.
// An empty path portion only matches an empty pattern portion. A path
// portion never has a `/`, so the Matcher does not need to check it.
const portionMatch = (p, f) => typeof p === 'string' ? f === p : f !== '' && p.testUnchecked(f);
// Where the last portion of a row matches in a path: the start of the
// last portion of the path, or of the one before a trailing `/`. -1 if
// it matches neither.
const endIndex = (p, last, lastStart, prev, prevStart) => portionMatch(p, last) ? lastStart
    : prev !== undefined && portionMatch(p, prev) ? prevStart
        : -1;
const isDots = (p) => p === '.' || p === '..';
// a Windows drive letter portion, like `c:`
const isDrive = (p) => typeof p === 'string' && /^[a-z]:$/i.test(p);
// true for the `UNC` portion of a long UNC root, //?/UNC/host/share
const isLongUNC = (p) => typeof p === 'string' && /^unc$/i.test(p);
// The index of the host in a row or split path that starts with a
// Windows UNC root: 2 for `//host/share`, and 4 for
// `//?/UNC/host/share`. Otherwise -1. `//?/c:` is not one.
const uncHost = (p) => {
    if (p[0] !== '' || p[1] !== '')
        return -1;
    const h = p[2] !== '?' ? 2
        : isLongUNC(p[3]) ? 4
            : -1;
    const host = p[h];
    const share = p[h + 1];
    return (h !== -1 &&
        host !== undefined &&
        host !== '' &&
        host !== GLOBSTAR &&
        share !== undefined &&
        share !== '' &&
        share !== GLOBSTAR) ?
        h
        : -1;
};
// true if ** can walk the path portion: not `.` or `..`, and not a
// dotfile unless `dot` is set
const walkable = (p, dot) => !isDots(p) && (dot || !p.startsWith('.'));
// True if a portion of the path from `start` to `end` can not be
// walked by **: one that starts with `.`, or with `dot`, one that is
// `.` or `..`. `start` is the start of a portion, and `end` is the end
// of the path, or just after a separator.
const dotPortion = (f, start, end, dot, sep) => {
    for (let k = start; k < end;) {
        if (f.charCodeAt(k) === 46) {
            if (!dot)
                return true;
            const n = f.charCodeAt(k + 1) === 46 ? k + 2 : k + 1;
            if (n >= end || isSep(f.charCodeAt(n), sep))
                return true;
        }
        // the start of the next portion, after any run of separators
        const s = nextSep(f, k, sep);
        if (s === -1)
            return false;
        k = s + 1;
        while (k < end && isSep(f.charCodeAt(k), sep))
            k++;
    }
    return false;
};
const isSep = (c, sep) => sep === '/' ? c === 47
    : sep === '\\' ? c === 92
        : c === 47 || c === 92;
// the index of the first separator at or after `from`, or -1
const nextSep = (f, from, sep) => {
    if (sep !== 'both')
        return f.indexOf(sep, from);
    const s = f.indexOf('/', from);
    const b = f.indexOf('\\', from);
    return (s === -1 ? b
        : b === -1 ? s
            : Math.min(s, b));
};
// the index of the last separator at or before `from`, or -1
const lastSep = (f, from, sep) => sep !== 'both' ?
    f.lastIndexOf(sep, from)
    : Math.max(f.lastIndexOf('/', from), f.lastIndexOf('\\', from));
// What parse() returns in place of a Matcher while make() builds and
// merges the rows. Most of the Matchers in rows that are merged would
// never be used, so they are only made for the rows that are left.
const PENDING = {};
class Minimatch {
    options;
    set;
    pattern;
    windowsPathsNoEscape;
    nonegate;
    negate;
    comment;
    empty;
    preserveMultipleSlashes;
    partial;
    globSet;
    globParts;
    nocase;
    isWindows;
    platform;
    windowsNoMagicRoot;
    maxGlobstarRecursion;
    // the path can be checked against the last portion, and the string
    // portions, of each row before it is split. See #canMatch.
    #endCheck;
    #literalCheck;
    // level 2 resolves `.` and `..` portions in the path
    #level2;
    // the unicode normalization form, if any
    #form;
    // the string portions of each row in the set
    #literals = [];
    // the rows that #canMatch can match without splitting the path
    #shapes = [];
    // the rows whose last portion can be checked against the path's
    #endRows = [];
    // brace expansion can make the same portion in many rows, so they
    // share one Matcher, and the states that it caches
    #matchers = new Map();
    // parse() returns PENDING in place of a Matcher
    #pending = false;
    // the char that marks numeric ranges in globSet, if any
    #rangeMark;
    // the GlobstarParts of each pattern row, by start index and partial
    #globstarParts = new WeakMap();
    constructor(pattern, options = {}) {
        assertValidPattern(pattern);
        options = options || {};
        this.options = options;
        this.maxGlobstarRecursion =
            options.maxGlobstarRecursion ?? DEFAULT_GLOB_STAR_RECURSION_MAX;
        this.pattern = pattern;
        this.platform = options.platform || defaultPlatform;
        this.isWindows = this.platform === 'win32';
        this.windowsPathsNoEscape =
            !!options.windowsPathsNoEscape || options[AWE_KEY] === false;
        if (this.windowsPathsNoEscape) {
            this.pattern = this.pattern.replace(/\\/g, '/');
        }
        this.preserveMultipleSlashes = !!options.preserveMultipleSlashes;
        this.negate = false;
        this.nonegate = !!options.nonegate;
        this.comment = false;
        this.empty = false;
        this.partial = !!options.partial;
        this.nocase = !!this.options.nocase;
        this.windowsNoMagicRoot =
            options.windowsNoMagicRoot !== undefined ?
                options.windowsNoMagicRoot
                : !!(this.isWindows && this.nocase);
        this.globSet = [];
        this.globParts = [];
        this.set = [];
        this.#endCheck = !this.preserveMultipleSlashes;
        this.#level2 = (options.optimizationLevel ?? 1) >= 2;
        const n = options.normalize;
        this.#form = n === true ? 'NFC' : n || undefined;
        // make the set of Matchers etc.
        this.make();
        // On Windows, the portions of a row up to its drive letter or UNC
        // share are skipped or compared without case, if the path has one
        // too. So the checks only use the portions after it.
        const drives = this.set.map(row => this.#rootIndex(row));
        this.#endRows = this.set.map((row, r) => this.#endCheck && row.length - 1 > drives[r]);
        // with the end check, the last portion is already checked
        this.#literals = this.set.map((row, r) => {
            const end = this.#endRows[r] ? row.length - 1 : row.length;
            const lits = row
                .slice(drives[r] + 1, end)
                .filter((p) => typeof p === 'string' && !!p);
            return [...new Set(lits)];
        });
        this.#literalCheck = this.#literals.some(l => l.length);
        this.#shapes = this.set.map((row, r) => {
            const [p0, p1, p2] = row;
            if (this.#endRows[r] && row.length === 2) {
                if (p0 === GLOBSTAR && p1 !== GLOBSTAR)
                    return 'tail';
            }
            // the basename of a path that is split on / is its last portion,
            // or the one before a trailing /, the same as the end check
            if (this.#endRows[r] &&
                options.matchBase &&
                row.length === 1 &&
                p0 !== GLOBSTAR &&
                p0 !== '') {
                return 'base';
            }
            // the portion must not be a root, or '', which can be a
            // different portion on Windows (where //x paths get an extra '')
            if (!this.#endCheck || drives[r] !== -1)
                return undefined;
            if (row.length === 3 &&
                p0 === GLOBSTAR &&
                p2 === GLOBSTAR &&
                p1 !== GLOBSTAR &&
                p1 !== '' &&
                // the portion between is only matched below this limit
                this.maxGlobstarRecursion > 0) {
                return 'mid';
            }
            if (row.length === 2 &&
                p1 === GLOBSTAR &&
                p0 !== GLOBSTAR &&
                p0 !== '') {
                return 'head';
            }
            return undefined;
        });
    }
    // a string portion of a pattern, normalized if the option is set
    #norm(p) {
        return this.#form ? p.normalize(this.#form) : p;
    }
    // On Windows, the index of the last root portion of a row, as
    // #matchRow finds it: 0 for `c:/...`, 3 for `//?/c:/...` and
    // `//host/share/...`, and 5 for `//?/UNC/host/share/...`. Otherwise
    // -1.
    #rootIndex(row) {
        if (!this.isWindows)
            return -1;
        if (isDrive(row[0]))
            return 0;
        const uncDrive = row[0] === '' && row[1] === '' && row[2] === '?' && isDrive(row[3]);
        if (uncDrive)
            return 3;
        const h = uncHost(row);
        return h === -1 ? -1 : h + 1;
    }
    hasMagic() {
        if (this.options.magicalBraces && this.set.length > 1) {
            return true;
        }
        for (const pattern of this.set) {
            for (const part of pattern) {
                if (typeof part !== 'string')
                    return true;
            }
        }
        return false;
    }
    make() {
        const pattern = this.pattern;
        const options = this.options;
        // empty patterns and comments match nothing.
        if (!options.nocomment && pattern.charAt(0) === '#') {
            this.comment = true;
            return;
        }
        if (!pattern) {
            this.empty = true;
            return;
        }
        // step 1: figure out negation, etc.
        this.parseNegate();
        // step 2: expand braces
        this.globSet = [...new Set(this.#expandBraces())];
        // step 3: now we have a set, so turn each one into a series of
        // path-portion matching patterns.
        // These will be Matchers, except in the case of "**", which is
        // set to the GLOBSTAR object for globstar behavior,
        // and will not contain any / characters
        //
        // First, we preprocess to make the glob pattern sets a bit simpler
        // and deduped.  There are some perf-killing patterns that can cause
        // problems with a glob walk, but we can simplify them down a bit.
        const rawGlobParts = this.globSet.map(s => this.#slashSplit(s));
        this.globParts = this.preprocess(rawGlobParts);
        // glob --> Matchers
        this.#pending = true;
        let set = this.globParts.map((s, _, __) => {
            if (this.isWindows && this.windowsNoMagicRoot) {
                // check if it's a drive or unc path. The root of a long UNC
                // path, //?/UNC/host/share, is 6 portions.
                const n = s[2] === '?' && isLongUNC(s[3]) ? 6 : 4;
                const isUNC = s[0] === '' &&
                    s[1] === '' &&
                    (s[2] === '?' || !globMagic.test(s[2])) &&
                    s.slice(3, n).every(p => !globMagic.test(p));
                const isDrive = /^[a-z]:/i.test(s[0]);
                if (isUNC) {
                    return [
                        ...s.slice(0, n).map(p => this.#norm(p)),
                        ...s.slice(n).map(ss => this.parse(ss)),
                    ];
                }
                else if (isDrive) {
                    return [
                        this.#norm(s[0]),
                        ...s.slice(1).map(ss => this.parse(ss)),
                    ];
                }
            }
            return s.map(ss => this.parse(ss));
        });
        // filter out everything that didn't compile properly.
        this.set = set.filter(s => s.indexOf(false) === -1);
        // do not treat the ? in UNC paths as magic
        if (this.isWindows) {
            for (let i = 0; i < this.set.length; i++) {
                const p = this.set[i];
                if (p[0] === '' &&
                    p[1] === '' &&
                    this.globParts[i][2] === '?' &&
                    (isDrive(p[3]) || isLongUNC(this.globParts[i][3]))) {
                    if (isLongUNC(this.globParts[i][3]))
                        p[3] = 'UNC';
                    p[2] = '?';
                }
            }
        }
        // with noext, `@(...)` would be literal
        if (!options.noext)
            this.mergeRows();
        this.#pending = false;
        this.set.forEach((row, i) => {
            for (let k = 0; k < row.length; k++) {
                if (row[k] === PENDING) {
                    row[k] = this.parse(this.globParts[i][k]);
                }
            }
        });
    }
    // Merge rows that only differ in one portion, where each of them
    // is a Matcher, into one row that matches any of them with
    // `@(a|b|...)`. Then a path is only walked once for all of them,
    // for example with `**/*.{js,ts}`.
    mergeRows() {
        let merged = true;
        while (merged) {
            merged = false;
            // a single row cannot be merged with anything
            if (this.set.length < 2)
                return;
            let keys = this.#mergeKeys();
            const len = Math.max(0, ...this.set.map(r => r.length));
            for (let k = 0; k < len; k++) {
                // the rows that are the same other than at portion k, keyed
                // by the ids of the parts before k and the parts after k,
                // which are at most the number of rows
                const groups = new Map();
                const R = this.set.length + 1;
                this.set.forEach((row, i) => {
                    if (!(row[k] instanceof Matcher || row[k] === PENDING) ||
                        !extSafe(this.globParts[i][k])) {
                        return;
                    }
                    const { pre, suf } = keys[i];
                    const key = pre[k] * R + suf[k + 1];
                    const g = groups.get(key);
                    if (g)
                        g.push(i);
                    else
                        groups.set(key, [i]);
                });
                const drop = new Set();
                for (const g of groups.values()) {
                    if (g.length < 2)
                        continue;
                    const [first, ...rest] = g;
                    const alts = g.map(i => this.globParts[i][k]);
                    const glob = `@(${alts.join('|')})`;
                    // merging is only an optimization, so leave the rows as they
                    // are if the merged portion would have too many extglobs
                    if (extglobCount(glob) > MAX_EXTGLOBS)
                        continue;
                    this.globParts[first][k] = glob;
                    this.set[first][k] = this.parse(glob);
                    for (const i of rest)
                        drop.add(i);
                }
                if (drop.size) {
                    merged = true;
                    this.set = this.set.filter((_, i) => !drop.has(i));
                    this.globParts = this.globParts.filter((_, i) => !drop.has(i));
                    // every merge drops a row, so this happens at most once per row
                    if (this.set.length < 2)
                        return;
                    keys = this.#mergeKeys();
                }
            }
        }
    }
    // For each row, number ids for its prefixes and suffixes, such that
    // pre[k] identifies parts[0..k) and suf[k] identifies parts[k..n).
    // Two rows are the same other than at portion k exactly when they
    // have the same pre[k] and suf[k + 1]. This is linear in the size of
    // the rows, where joining the whole row for every k was quadratic.
    #mergeKeys() {
        const partIds = new Map();
        const ids = this.globParts.map(parts => parts.map(s => {
            let id = partIds.get(s);
            if (id === undefined)
                partIds.set(s, (id = partIds.size));
            return id;
        }));
        // ids are only compared at the same k, so they are numbered per
        // portion, with 0 for the empty prefix or suffix. Then they are
        // at most the number of rows, and id * P + part id is a safe
        // integer key for any set that fits in memory.
        const P = partIds.size;
        const len = Math.max(0, ...ids.map(r => r.length));
        const keys = ids.map(r => ({
            pre: [0],
            suf: new Array(r.length + 1).fill(0),
        }));
        for (let k = 0; k < len; k++) {
            const m = new Map();
            ids.forEach((r, i) => {
                if (k >= r.length)
                    return;
                const { pre } = keys[i];
                const key = pre[k] * P + r[k];
                let id = m.get(key);
                if (id === undefined)
                    m.set(key, (id = m.size + 1));
                pre.push(id);
            });
        }
        for (let k = len - 1; k >= 0; k--) {
            const m = new Map();
            ids.forEach((r, i) => {
                if (k >= r.length)
                    return;
                const { suf } = keys[i];
                const key = suf[k + 1] * P + r[k];
                let id = m.get(key);
                if (id === undefined)
                    m.set(key, (id = m.size + 1));
                suf[k] = id;
            });
        }
        return keys;
    }
    // various transforms to equivalent pattern sets that are
    // faster to process in a filesystem walk.  The goal is to
    // eliminate what we can, and push all ** patterns as far
    // to the right as possible, even if it increases the number
    // of patterns that we have to process.
    preprocess(globParts) {
        // if we're not in globstar mode, then turn ** into *
        if (this.options.noglobstar) {
            for (const partset of globParts) {
                for (let j = 0; j < partset.length; j++) {
                    if (partset[j] === '**') {
                        partset[j] = '*';
                    }
                }
            }
        }
        const { optimizationLevel = 1 } = this.options;
        if (optimizationLevel >= 2) {
            // aggressive optimization for the purpose of fs walking
            globParts = this.firstPhasePreProcess(globParts);
            globParts = this.secondPhasePreProcess(globParts);
        }
        else if (optimizationLevel >= 1) {
            // just basic optimizations to remove some .. parts
            globParts = this.levelOneOptimize(globParts);
        }
        else {
            // just collapse multiple ** portions into one
            globParts = this.adjascentGlobstarOptimize(globParts);
        }
        return globParts;
    }
    // just get rid of adjascent ** portions
    adjascentGlobstarOptimize(globParts) {
        return globParts.map(parts => {
            let gs = -1;
            while (-1 !== (gs = parts.indexOf('**', gs + 1))) {
                let i = gs;
                while (parts[i + 1] === '**') {
                    i++;
                }
                if (i !== gs) {
                    parts.splice(gs, i - gs);
                }
            }
            return parts;
        });
    }
    // get rid of adjascent ** and resolve .. portions
    levelOneOptimize(globParts) {
        return globParts.map(parts => {
            // .. can not remove the root of a Windows path
            const root = this.#rootIndex(parts) + 1;
            parts = parts.reduce((set, part) => {
                const prev = set[set.length - 1];
                if (part === '**' && prev === '**') {
                    return set;
                }
                if (part === '..') {
                    if (set.length > root &&
                        prev &&
                        prev !== '..' &&
                        prev !== '.' &&
                        prev !== '**') {
                        set.pop();
                        return set;
                    }
                }
                set.push(part);
                return set;
            }, []);
            return parts.length === 0 ? [''] : parts;
        });
    }
    // Check the path against each row before it is split. 'no' if no
    // row can match, so it does not need to be split. 'yes' if a row of
    // `**` and one more portion matches. 'maybe' if it must be split to
    // know. None of this applies with partial, where the path can end
    // before the row does.
    //
    // On Windows, `\` is a separator in the path too, and the portions of
    // a row up to its drive letter or UNC share are not checked (see
    // #rootIndex).
    //
    // Each string portion of a row must be a portion of the path, so the
    // path must contain it. Level 2 can only take portions out of the
    // path, so this is still true then.
    //
    // The last portion of a row must match the last portion of the path,
    // or the one before a trailing `/` (as a/* and a/**/* match a/b/).
    // This does not apply to rows that end in **, rows that end in a
    // root, or preserveMultipleSlashes (which can leave more
    // than one '' at the end). At level 2, it does not apply if that
    // portion is `.` or `..`, which can be
    // resolved away. Level 2 only takes other portions out of the
    // middle of the path.
    //
    // A row of `**/x` then matches if the ** can walk the portions
    // before the one that x matches, the same as #matchGlobstar. At
    // level 2, this is only known if none of them are `.` or `..`, so
    // that the path does not change when it is resolved.
    #canMatch(f) {
        const sep = !this.isWindows || !f.includes('\\') ? '/'
            : f.includes('/') ? 'both'
                : '\\';
        // the portions that f.split(/\/+/) would end with, and where they
        // start in f, found when a row needs them. `ends` is 0 until they
        // are found, then 1, or -1 if they can not be used.
        let ends = this.#endCheck ? 0 : -1;
        let last = '';
        let lastStart = 0;
        let prev;
        let prevStart = 0;
        const dot = !!this.options.dot;
        // A string compare is cheaper than includes(), and a Matcher test
        // costs more, so the cheaper check goes first.
        ROWS: for (let r = 0; r < this.set.length; r++) {
            const row = this.set[r];
            const p = row[row.length - 1];
            let end = ends !== -1 && this.#endRows[r] && p !== GLOBSTAR;
            if (end && ends === 0) {
                const i = lastSep(f, f.length, sep);
                lastStart = i + 1;
                last = f.slice(lastStart);
                if (last === '' && i >= 0) {
                    let j = i;
                    while (j > 0 && isSep(f.charCodeAt(j - 1), sep))
                        j--;
                    prevStart = j === 0 ? 0 : lastSep(f, j - 1, sep) + 1;
                    prev = f.slice(prevStart, j);
                }
                const resolves = this.#level2 &&
                    (isDots(last) ||
                        (last === '' && prev !== undefined && isDots(prev)));
                ends = resolves ? -1 : 1;
                end = !resolves;
            }
            let tailStart = -1;
            if (end && typeof p === 'string') {
                tailStart = endIndex(p, last, lastStart, prev, prevStart);
                if (tailStart === -1)
                    continue;
            }
            if (this.#literalCheck) {
                for (const l of this.#literals[r]) {
                    if (!f.includes(l))
                        continue ROWS;
                }
            }
            if (end && typeof p === 'object') {
                tailStart = endIndex(p, last, lastStart, prev, prevStart);
                if (tailStart === -1)
                    continue;
            }
            const shape = this.#shapes[r];
            if (shape === 'base' && end)
                return 'yes';
            if (shape === 'tail' && end) {
                if (this.#level2 && dotPortion(f, 0, tailStart, true, sep)) {
                    return 'maybe';
                }
                if (!dotPortion(f, 0, tailStart, dot, sep))
                    return 'yes';
                continue;
            }
            if (shape === 'mid' || shape === 'head') {
                const m = this.#walk(f, row, shape === 'head', dot, sep);
                if (m !== 'no')
                    return m;
                continue;
            }
            return 'maybe';
        }
        return 'no';
    }
    // Match a row of a known shape against the split path, the same as
    // #matchGlobstar and #matchGlobStarBodySections do. None of these
    // rows have a drive letter, so they start at the first portion.
    #matchShape(file, row, shape) {
        const dot = !!this.options.dot;
        const n = file.length;
        if (shape === 'head') {
            // x, then at least one portion that ** can walk
            if (n < 2 || !portionMatch(row[0], file[0])) {
                return false;
            }
            for (let i = 1; i < n; i++)
                if (!walkable(file[i], dot))
                    return false;
            return true;
        }
        const x = row[1];
        if (shape === 'tail') {
            // x is the last portion, or the one before a trailing ''
            let t = n - 1;
            if (!portionMatch(x, file[t])) {
                if (file[t] !== '' || n === 1 || !portionMatch(x, file[--t])) {
                    return false;
                }
            }
            for (let i = 0; i < t; i++)
                if (!walkable(file[i], dot))
                    return false;
            return true;
        }
        // mid: the first x that ** can walk to, with a portion after it,
        // and ** can walk all of those
        for (let k = 0; k < n; k++) {
            if (portionMatch(x, file[k]) && k + 1 < n) {
                let i = k + 1;
                while (i < n && walkable(file[i], dot))
                    i++;
                if (i === n)
                    return true;
            }
            if (!walkable(file[k], dot))
                return false;
        }
        return false;
    }
    // Match a row of `**/x/**` or `x/**` against the path, the same as
    // #matchGlobstar and #matchGlobStarBodySections do once it is split.
    // x must match a portion (the first one, for `x/**`), the ** before
    // it must be able to walk the portions before that one, and there
    // must be a portion after it, which the ** after it can walk. At
    // level 2, this is only known if no portion is `.` or `..`.
    #walk(f, row, head, dot, sep) {
        if (this.#level2 && dotPortion(f, 0, f.length, true, sep))
            return 'maybe';
        const x = row[head ? 0 : 1];
        // the last portion has none after it, so it can not be x
        let s = 0;
        for (let e = nextSep(f, s, sep); e !== -1; e = nextSep(f, s, sep)) {
            // the start of the next portion
            let next = e + 1;
            while (next < f.length && isSep(f.charCodeAt(next), sep))
                next++;
            const hit = typeof x === 'string' ?
                e - s === x.length && f.startsWith(x, s)
                : e > s && x.testUnchecked(f.slice(s, e));
            if (hit && !dotPortion(f, next, f.length, dot, sep))
                return 'yes';
            if (head || dotPortion(f, s, next, dot, sep))
                return 'no';
            s = next;
        }
        return 'no';
    }
    // the last split, if it was the same path with the same split
    // settings
    #cachedSplit(f) {
        const last = lastSplit;
        return (last?.f === f &&
            last.isWindows === this.isWindows &&
            last.preserveMultipleSlashes === this.preserveMultipleSlashes &&
            last.normalize === this.#form) ?
            last
            : undefined;
    }
    // split a path for match(), and keep the parts for the next call
    #split(f) {
        const { isWindows, preserveMultipleSlashes } = this;
        // windows: need to use /, not \
        let parts = this.#slashSplit(isWindows ? f.split('\\').join('/') : f);
        // normalize each portion, so that a char that normalizes to `/`
        // does not make a new portion
        const normalize = this.#form;
        if (normalize)
            parts = parts.map(p => p.normalize(normalize));
        lastSplit = {
            f,
            isWindows,
            preserveMultipleSlashes,
            normalize,
            parts,
        };
        return lastSplit;
    }
    // resolve `.` and `..` portions of a path, for level 2
    #levelTwoFileOptimize(file) {
        // work on a copy, so that the cached parts do not change
        const parts = [...file];
        let didSomething = false;
        do {
            didSomething = false;
            // <pre>/<e>/<rest> -> <pre>/<rest>
            if (!this.preserveMultipleSlashes) {
                for (let i = 1; i < parts.length - 1; i++) {
                    const p = parts[i];
                    // don't squeeze out UNC patterns
                    if (i === 1 && p === '' && parts[0] === '')
                        continue;
                    if (p === '.' || p === '') {
                        didSomething = true;
                        parts.splice(i, 1);
                        i--;
                    }
                }
                if (parts[0] === '.' &&
                    parts.length === 2 &&
                    (parts[1] === '.' || parts[1] === '')) {
                    didSomething = true;
                    parts.pop();
                }
            }
            // <pre>/<p>/../<rest> -> <pre>/<rest>
            // .. can not remove the root of a Windows path
            const root = this.#rootIndex(parts) + 1;
            let dd = root;
            while (-1 !== (dd = parts.indexOf('..', dd + 1))) {
                const p = parts[dd - 1];
                if (p && p !== '.' && p !== '..' && p !== '**') {
                    didSomething = true;
                    parts.splice(dd - 1, 2);
                    dd = Math.max(dd - 2, root);
                }
            }
        } while (didSomething);
        return parts.length === 0 ? [''] : parts;
    }
    // First phase: single-pattern processing
    // <pre> is 1 or more portions
    // <rest> is 1 or more portions
    // <p> is any portion other than ., .., '', or **
    // <e> is . or ''
    //
    // **/.. is *brutal* for filesystem walking performance, because
    // it effectively resets the recursive walk each time it occurs,
    // and ** cannot be reduced out by a .. pattern part like a regexp
    // or most strings (other than .., ., and '') can be.
    //
    // <pre>/**/../<p>/<p>/<rest> -> {<pre>/../<p>/<p>/<rest>,<pre>/**/<p>/<p>/<rest>}
    // <pre>/<e>/<rest> -> <pre>/<rest>
    // <pre>/<p>/../<rest> -> <pre>/<rest>
    // **/**/<rest> -> **/<rest>
    //
    // **/*/<rest> -> */**/<rest> <== not valid because ** doesn't follow
    // this WOULD be allowed if ** did follow symlinks, or * didn't
    firstPhasePreProcess(globParts) {
        // each **/.. split doubles the patterns, and adds a copy of the
        // whole pattern. Throw if either gets too large. A partial split
        // would match some paths and not others, depending on which rows
        // the pass reached first.
        const { braceExpandMax = DEFAULT_BRACE_EXPAND_MAX } = this.options;
        let splitCells = 0;
        const maxSplitCells = 1_000_000;
        let didSomething = false;
        do {
            didSomething = false;
            // <pre>/**/../<p>/<p>/<rest> -> {<pre>/../<p>/<p>/<rest>,<pre>/**/<p>/<p>/<rest>}
            for (let parts of globParts) {
                let gs = -1;
                while (-1 !== (gs = parts.indexOf('**', gs + 1))) {
                    let gss = gs;
                    while (parts[gss + 1] === '**') {
                        // <pre>/**/**/<rest> -> <pre>/**/<rest>
                        gss++;
                    }
                    // eg, if gs is 2 and gss is 4, that means we have 3 **
                    // parts, and can remove 2 of them.
                    if (gss > gs) {
                        parts.splice(gs + 1, gss - gs);
                    }
                    let next = parts[gs + 1];
                    const p = parts[gs + 2];
                    const p2 = parts[gs + 3];
                    if (next !== '..')
                        continue;
                    if (!p ||
                        p === '.' ||
                        p === '..' ||
                        !p2 ||
                        p2 === '.' ||
                        p2 === '..') {
                        continue;
                    }
                    // Check before changing parts or allocating the new row.
                    const addedCells = parts.length - 1;
                    if (globParts.length >= braceExpandMax ||
                        splitCells + addedCells > maxSplitCells) {
                        throw new RangeError(`optimizationLevel 2: too many patterns from '**/..'`);
                    }
                    didSomething = true;
                    // edit parts in place, and push the new one
                    parts.splice(gs, 1);
                    const other = parts.slice(0);
                    other[gs] = '**';
                    splitCells += addedCells;
                    globParts.push(other);
                    gs--;
                }
                // <pre>/<e>/<rest> -> <pre>/<rest>
                if (!this.preserveMultipleSlashes) {
                    for (let i = 1; i < parts.length - 1; i++) {
                        const p = parts[i];
                        // don't squeeze out UNC patterns
                        if (i === 1 && p === '' && parts[0] === '')
                            continue;
                        if (p === '.' || p === '') {
                            didSomething = true;
                            parts.splice(i, 1);
                            i--;
                        }
                    }
                    if (parts[0] === '.' &&
                        parts.length === 2 &&
                        (parts[1] === '.' || parts[1] === '')) {
                        didSomething = true;
                        parts.pop();
                    }
                }
                // <pre>/<p>/../<rest> -> <pre>/<rest>
                // .. can not remove the root of a Windows path
                const root = this.#rootIndex(parts) + 1;
                let dd = root;
                while (-1 !== (dd = parts.indexOf('..', dd + 1))) {
                    const p = parts[dd - 1];
                    if (p && p !== '.' && p !== '..' && p !== '**') {
                        didSomething = true;
                        const needDot = dd === 1 && parts[dd + 1] === '**';
                        const splin = needDot ? ['.'] : [];
                        parts.splice(dd - 1, 2, ...splin);
                        if (parts.length === 0)
                            parts.push('');
                        dd = Math.max(dd - 2, root);
                    }
                }
            }
        } while (didSomething);
        return globParts;
    }
    // second phase: multi-pattern dedupes
    // {<pre>/<rest>,<pre>/<rest>} -> <pre>/<rest>
    // {<pre>/*/<rest>,<pre>/<p>/<rest>} -> <pre>/*/<rest>
    secondPhasePreProcess(globParts) {
        const keys = new Set();
        const rows = globParts.filter(parts => {
            const key = parts.join('/');
            if (keys.has(key))
                return false;
            keys.add(key);
            return true;
        });
        // A row is covered by another row that has `*` at some positions,
        // and is the same at all others. Collect each distinct set of `*`
        // positions, then look up each row with `*` put at those positions.
        const stars = new Map();
        for (const parts of rows) {
            const s = [];
            for (let i = 0; i < parts.length; i++) {
                if (parts[i] === '*')
                    s.push(i);
            }
            if (s.length)
                stars.set(s.join(','), s);
        }
        // Each row is checked against each set of `*` positions, so skip
        // this if there are too many. The patterns match the same paths
        // either way.
        if (!stars.size || rows.length * stars.size > 100_000)
            return rows;
        const { dot } = this.options;
        return rows.filter(parts => {
            for (const s of stars.values()) {
                if (s[s.length - 1] >= parts.length)
                    continue;
                const c = [...parts];
                let ok = true;
                let changed = false;
                for (const i of s) {
                    const p = parts[i];
                    if (p === '*')
                        continue;
                    if (!p || p === '**' || (!dot && p.startsWith('.'))) {
                        ok = false;
                        break;
                    }
                    c[i] = '*';
                    changed = true;
                }
                if (ok && changed && keys.has(c.join('/')))
                    return false;
            }
            return true;
        });
    }
    parseNegate() {
        if (this.nonegate)
            return;
        const pattern = this.pattern;
        let negate = false;
        let negateOffset = 0;
        for (let i = 0; i < pattern.length && pattern.charAt(i) === '!'; i++) {
            negate = !negate;
            negateOffset++;
        }
        if (negateOffset)
            this.pattern = pattern.slice(negateOffset);
        this.negate = negate;
    }
    // Match the parts of a path against one row of the set. `resolved`
    // is the parts after level 2 resolves `.` and `..` in them, or the
    // same parts below level 2. Set partial to true to test if, for
    // example, "/a/b" matches the start of "/*/b/*/d". Partial means, if
    // you run out of file before you run out of pattern, then that's
    // fine, as long as all the parts match.
    #matchRow(file, resolved, pattern, partial) {
        let fileStartIndex = 0;
        let patternStartIndex = 0;
        // UNC paths like //?/X:/... can match X:/... and vice versa, and
        // //?/UNC/host/share/... can match //host/share/... and vice versa.
        // Drive letters in absolute drive or unc paths, and the host and
        // share of UNC paths, are always compared case-insensitively.
        const fh = this.isWindows ? uncHost(resolved) : -1;
        const ph = fh === -1 ? -1 : uncHost(pattern);
        if (ph !== -1) {
            const host = pattern[ph];
            const share = pattern[ph + 1];
            if (typeof host !== 'string' || typeof share !== 'string') {
                // a host or share with magic is matched as usual
                fileStartIndex = fh;
                patternStartIndex = ph;
            }
            else if (resolved[fh].toLowerCase() === host.toLowerCase() &&
                resolved[fh + 1].toLowerCase() === share.toLowerCase()) {
                fileStartIndex = fh + 2;
                patternStartIndex = ph + 2;
            }
        }
        else if (this.isWindows) {
            const fileDrive = typeof file[0] === 'string' && /^[a-z]:$/i.test(file[0]);
            const fileUNC = !fileDrive &&
                file[0] === '' &&
                file[1] === '' &&
                file[2] === '?' &&
                /^[a-z]:$/i.test(file[3]);
            const patternDrive = typeof pattern[0] === 'string' && /^[a-z]:$/i.test(pattern[0]);
            const patternUNC = !patternDrive &&
                pattern[0] === '' &&
                pattern[1] === '' &&
                pattern[2] === '?' &&
                typeof pattern[3] === 'string' &&
                /^[a-z]:$/i.test(pattern[3]);
            const fdi = fileUNC ? 3
                : fileDrive ? 0
                    : undefined;
            const pdi = patternUNC ? 3
                : patternDrive ? 0
                    : undefined;
            if (typeof fdi === 'number' && typeof pdi === 'number') {
                const [fd, pd] = [
                    file[fdi],
                    pattern[pdi],
                ];
                // the drives match, so start matching after them
                if (fd.toLowerCase() === pd.toLowerCase()) {
                    patternStartIndex = pdi + 1;
                    fileStartIndex = fdi + 1;
                }
            }
        }
        // the drive letters are found in the parts before level 2 resolves
        // them, and the match uses the resolved parts
        file = resolved;
        if (pattern.includes(GLOBSTAR)) {
            return this.#matchGlobstar(file, pattern, partial, fileStartIndex, patternStartIndex);
        }
        return this.#matchOne(file, pattern, partial, fileStartIndex, patternStartIndex);
    }
    #matchGlobstar(file, pattern, partial, fileIndex, patternIndex) {
        const { head, body, tail, segments } = this.#getGlobstarParts(pattern, partial, patternIndex);
        // check the head, from the current file/pattern index.
        if (head.length) {
            const headEnd = fileIndex + head.length;
            if (!this.#matchOne(file, head, partial, fileIndex, 0, headEnd)) {
                return false;
            }
            fileIndex += head.length;
            patternIndex += head.length;
        }
        // now we know the head matches!
        // if the last portion is not empty, it MUST match the end
        // check the tail
        let fileTailMatch = 0;
        if (tail.length) {
            // if head + tail > file, then we cannot possibly match
            if (tail.length + fileIndex > file.length)
                return false;
            // try to match the tail
            let tailStart = file.length - tail.length;
            if (this.#matchOne(file, tail, partial, tailStart, 0)) {
                fileTailMatch = tail.length;
            }
            else {
                // affordance for stuff like a/**/* matching a/b/
                // if the last file portion is '', and there's more to the pattern
                // then try without the '' bit.
                if (file[file.length - 1] !== '' ||
                    fileIndex + tail.length === file.length) {
                    return false;
                }
                tailStart--;
                if (!this.#matchOne(file, tail, partial, tailStart, 0)) {
                    return false;
                }
                fileTailMatch = tail.length + 1;
            }
        }
        // now we know the tail matches!
        // the middle is zero or more portions wrapped in **, possibly
        // containing more ** sections.
        // so a/**/b/**/c/**/d has become **/b/**/c/**
        // if it's empty, it means a/**/b, just verify we have no bad dots
        // if there's no tail, so it ends on /**, then we must have *something*
        // after the head, or it's not a matc
        if (!body.length) {
            let sawSome = !!fileTailMatch;
            for (let i = fileIndex; i < file.length - fileTailMatch; i++) {
                const f = String(file[i]);
                sawSome = true;
                if (f === '.' ||
                    f === '..' ||
                    (!this.options.dot && f.startsWith('.'))) {
                    return false;
                }
            }
            // in partial mode, we just need to get past all file parts
            return partial || sawSome;
        }
        // now we know that there's one or more body sections, which can
        // be matched anywhere from the 0 index (because the head was pruned)
        // through to the length-fileTailMatch index.
        return !!this.#matchGlobStarBodySections(file, segments, file.length - fileTailMatch, fileIndex, 0, partial, 0, !!fileTailMatch, new Set());
    }
    // Split the pattern into head, tail, and middle of ** delimited
    // parts. The tail has to be at the end, and the others just have to
    // be found in order from the head. These only depend on the pattern
    // row, so they are kept for the next path.
    #getGlobstarParts(pattern, partial, patternIndex) {
        let byStart = this.#globstarParts.get(pattern);
        if (!byStart) {
            byStart = [];
            this.#globstarParts.set(pattern, byStart);
        }
        const key = patternIndex * 2 + (partial ? 1 : 0);
        const found = byStart[key];
        if (found)
            return found;
        const firstgs = pattern.indexOf(GLOBSTAR, patternIndex);
        const lastgs = pattern.lastIndexOf(GLOBSTAR);
        const head = pattern.slice(patternIndex, firstgs);
        const body = pattern.slice(firstgs + 1, partial ? undefined : lastgs);
        const tail = partial ? [] : pattern.slice(lastgs + 1);
        // split the body up into sections, and note the number of
        // portions that must come after the start of each one
        const segments = [[[], 0]];
        let current = segments[0];
        let nonGsParts = 0;
        const nonGsPartsSums = [0];
        for (const b of body) {
            if (b === GLOBSTAR) {
                nonGsPartsSums.push(nonGsParts);
                current = [[], 0];
                segments.push(current);
            }
            else {
                current[0].push(b);
                nonGsParts++;
            }
        }
        // the portions in this section and the ones after it
        segments.forEach((b, i) => {
            b[1] = nonGsParts - nonGsPartsSums[i];
        });
        const parts = { head, body, tail, segments };
        byStart[key] = parts;
        return parts;
    }
    // return false for "nope, not matching"
    // return null for "not matching, cannot keep trying"
    #matchGlobStarBodySections(file, 
    // pattern section, and the portions that it and the rest need
    bodySegments, 
    // the end of the file portions that the body can match
    fileLength, fileIndex, bodyIndex, partial, globStarDepth, sawTail, 
    // the places that a walk has already tried, as
    // bodyIndex * (file.length + 1) + fileIndex. A walk from a place
    // does the same no matter how it got there, and it only comes back
    // if it found no match, so a walk that gets to one stops.
    tried) {
        // take the first body segment, and walk from fileIndex to its "after"
        // value at the end
        // If it doesn't match at that position, we increment, until we hit
        // that final possible position, and give up.
        // If it does match, then advance and try to rest.
        // If any of them fail we keep walking forward.
        // this is still a bit recursively painful, but it's more constrained
        // than previous implementations, because we never test something that
        // can't possibly be a valid matching condition.
        const bs = bodySegments[bodyIndex];
        if (!bs) {
            // with partial, the body is the rest of the pattern, so it
            // matches if no portions are left, or only the '' of a trailing
            // / (as a/* matches a/b/). A ** at the end walks them as its own
            // empty section.
            if (partial) {
                return (fileIndex >= fileLength ||
                    (fileIndex === fileLength - 1 && file[fileIndex] === ''));
            }
            // just make sure that there's no bad dots before the tail
            for (let i = fileIndex; i < fileLength; i++) {
                sawTail = true;
                const f = file[i];
                if (f === '.' ||
                    f === '..' ||
                    (!this.options.dot && f.startsWith('.'))) {
                    return false;
                }
            }
            return sawTail;
        }
        // have a non-globstar body section to test, up to the last index
        // where it can start
        const [body, need] = bs;
        // with partial, the path can end before the body does
        const after = partial ? fileLength : fileLength - need;
        while (fileIndex <= after) {
            const key = bodyIndex * (file.length + 1) + fileIndex;
            if (tried.has(key))
                return false;
            tried.add(key);
            const m = this.#matchOne(file, body, partial, fileIndex, 0, fileIndex + body.length);
            // if limit exceeded, no match. intentional false negative,
            // acceptable break in correctness for security.
            if (m && globStarDepth < this.maxGlobstarRecursion) {
                // match! see if the rest match. if so, we're done!
                const sub = this.#matchGlobStarBodySections(file, bodySegments, fileLength, fileIndex + body.length, bodyIndex + 1, partial, globStarDepth + 1, sawTail, tried);
                if (sub !== false) {
                    return sub;
                }
            }
            // the ** does not walk past the last place the body can start
            if (fileIndex === after)
                break;
            const f = file[fileIndex];
            if (f === '.' ||
                f === '..' ||
                (!this.options.dot && f.startsWith('.'))) {
                return false;
            }
            fileIndex++;
        }
        // walked off. no point continuing
        return partial || null;
    }
    #matchOne(file, pattern, partial, fileIndex, patternIndex, 
    // only match the file portions before this index
    fileEnd = file.length) {
        let fi;
        let pi;
        let pl;
        let fl;
        for (fi = fileIndex,
            pi = patternIndex,
            fl = Math.min(fileEnd, file.length),
            pl = pattern.length; fi < fl && pi < pl; fi++, pi++) {
            let p = pattern[pi];
            let f = file[fi];
            // should be impossible.
            /* c8 ignore start */
            if (p === false || p === GLOBSTAR) {
                return false;
            }
            /* c8 ignore stop */
            // something other than **
            // non-magic patterns just have to match exactly
            // patterns with magic have been turned into Matchers.
            if (!portionMatch(p, f))
                return false;
        }
        // Note: ending in / means that we'll get a final ""
        // at the end of the pattern.  This can only match a
        // corresponding "" at the end of the file.
        // If the file ends in /, then it can only match a
        // a pattern that ends in /, unless the pattern just
        // doesn't have any more for it. But, a/b/ should *not*
        // match "a/b/*", even though * can match "", except in
        // partial mode, where it might simply not be reached yet.
        // However, a/b/ should still satisfy a/*
        // now either we fell off the end of the pattern, or we're done.
        if (fi === fl && pi === pl) {
            // ran out of pattern and filename at the same time.
            // an exact hit!
            return true;
        }
        else if (fi === fl) {
            // ran out of file, but still had pattern left.
            // this is ok if we're doing the match as part of
            // a glob fs traversal.
            return partial;
        }
        else if (pi === pl) {
            // ran out of pattern, still have file left.
            // this is only acceptable if we're on the very last
            // empty segment of a file with a trailing slash.
            // a/* should match a/b/
            return fi === fl - 1 && file[fi] === '';
            /* c8 ignore start */
        }
        else {
            // should be unreachable.
            throw new Error('wtf?');
        }
        /* c8 ignore stop */
    }
    braceExpand() {
        return braceExpand(this.pattern, this.options);
    }
    // Expand braces, except numeric ranges such as {0..999} with at
    // least RANGE_MIN values. Each of those stays in its pattern as
    // `<mark>0..999<mark>`, for the Matcher to test. If a range might
    // be inside a [...] class, expand all of them instead.
    #expandBraces() {
        const { pattern } = this;
        if (this.options.nobrace)
            return this.braceExpand();
        let code = 0xe000;
        while (pattern.includes(String.fromCharCode(code))) {
            if (++code > 0xf8ff)
                return this.braceExpand();
        }
        const mark = String.fromCharCode(code);
        let found = false;
        const marked = pattern.replace(rangeRe, (m, lo, hi) => {
            const a = Number(lo);
            const b = Number(hi);
            if (!Number.isSafeInteger(a) ||
                !Number.isSafeInteger(b) ||
                Math.abs(a - b) + 1 < RANGE_MIN) {
                return m;
            }
            found = true;
            return `${mark}${lo}..${hi}${mark}`;
        });
        if (!found)
            return this.braceExpand();
        const set = braceExpand(marked, this.options);
        for (const p of set) {
            for (const portion of p.split('/')) {
                const c = portion.indexOf('[');
                if (c !== -1 && c < portion.lastIndexOf(mark)) {
                    return this.braceExpand();
                }
                if (!this.options.noext && inRepeatOrNegExt(portion, mark)) {
                    return this.braceExpand();
                }
            }
        }
        this.#rangeMark = mark;
        return set;
    }
    parse(pattern) {
        assertValidPattern(pattern);
        const options = this.options;
        // shortcuts
        if (pattern === '**')
            return GLOBSTAR;
        if (pattern === '')
            return '';
        const { nocase, nocaseMagicOnly, noext = false, dot, normalize, } = options;
        const rangeMark = this.#rangeMark;
        const lit = rangeMark && pattern.includes(rangeMark) ?
            undefined
            : literal$1(pattern, noext);
        // in nocase mode, a literal with cased chars still needs a
        // Matcher, unless nocaseMagicOnly is set.
        if (lit !== undefined &&
            !(nocase &&
                !nocaseMagicOnly &&
                pattern.toUpperCase() !== pattern.toLowerCase())) {
            return this.#norm(lit);
        }
        if (this.#pending)
            return PENDING;
        let m = this.#matchers.get(pattern);
        if (!m) {
            if (!noext)
                assertValidExtglobs(pattern);
            m = new Matcher(pattern, {
                nocase,
                noext,
                dot,
                normalize,
                ...(rangeMark && { rangeMark }),
            });
            this.#matchers.set(pattern, m);
        }
        return m;
    }
    #slashSplit(p) {
        // if p starts with // on windows, we preserve that
        // so that UNC paths aren't broken.  Otherwise, any number of
        // / characters are coalesced into one, unless
        // preserveMultipleSlashes is set to true.
        if (this.preserveMultipleSlashes) {
            return p.split('/');
        }
        else if (this.isWindows && /^\/\/[^/]+/.test(p)) {
            // add an extra '' for the one we lose
            return ['', ...p.split(/\/+/)];
        }
        else {
            return p.split(/\/+/);
        }
    }
    match(f, partial = this.partial) {
        // short-circuit in the case of busted things.
        // comments, etc.
        if (this.comment) {
            return false;
        }
        if (this.empty) {
            return f === '';
        }
        if (f === '/' && partial) {
            return true;
        }
        const options = this.options;
        // treat the test path as a set of pathparts. If it was not just
        // split or checked, check that it can match before splitting it.
        let split = this.#cachedSplit(f);
        if (!split) {
            // the checks look at the path as given, so not if it is
            // normalized
            if (!partial &&
                !this.#form &&
                (this.#endCheck || this.#literalCheck) &&
                lastChecked !== f) {
                lastChecked = f;
                const can = this.#canMatch(f);
                if (can === 'no')
                    return options.flipNegate ? false : this.negate;
                if (can === 'yes')
                    return options.flipNegate ? true : !this.negate;
            }
            split = this.#split(f);
        }
        const ff = split.parts;
        // the parts after level 2 resolves them, kept for the next pattern
        // that tests the same path
        const resolved = this.#level2 ?
            (split.resolved ??= this.#levelTwoFileOptimize(ff))
            : ff;
        // just ONE of the pattern sets in this.set needs to match
        // in order for it to be valid.  If negating, then just one
        // match means that we have failed.
        // Either way, return on the first hit.
        const set = this.set;
        // Find the basename of the path by looking for the last non-empty segment
        let filename = ff[ff.length - 1];
        if (!filename) {
            for (let i = ff.length - 2; !filename && i >= 0; i--) {
                filename = ff[i];
            }
        }
        for (let r = 0; r < set.length; r++) {
            const pattern = set[r];
            const shape = partial ? undefined : this.#shapes[r];
            // level 2 does not change a path of one portion
            const hit = shape === 'base' ?
                portionMatch(pattern[0], filename)
                : shape ? this.#matchShape(resolved, pattern, shape)
                    : options.matchBase && pattern.length === 1 ?
                        this.#matchRow([filename], [filename], pattern, partial)
                        : this.#matchRow(ff, resolved, pattern, partial);
            if (hit) {
                if (options.flipNegate) {
                    return true;
                }
                return !this.negate;
            }
        }
        // didn't get any hits.  this is success if it's a negative
        // pattern, failure otherwise.
        if (options.flipNegate) {
            return false;
        }
        return this.negate;
    }
    static defaults(def) {
        return minimatch.defaults(def).Minimatch;
    }
}
/* c8 ignore stop */
minimatch.Minimatch = Minimatch;
minimatch.escape = escape;
minimatch.unescape = unescape;

// Unified-diff hunks → the head lines a review comment may target (GitHub `patch` fields and `git diff` output alike).
const HUNK_HEADER = /^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/;
/**
 * Reads the hunks of one file's unified diff. Accepts the bare hunks GitHub returns in `patch` and a full
 * `git diff` section (the `diff --git`, `index`, `---`/`+++` header lines are skipped). Hunk bodies are read
 * by their line counts, so content lines that look like headers (`+++`, `---`) are never misread.
 */
function parsePatch(patch) {
    const commentableLines = new Map();
    const addedLines = new Set();
    const rows = patch.split('\n');
    if (rows.at(-1) === '')
        rows.pop();
    let hunk = -1;
    let oldLeft = 0;
    let newLeft = 0;
    let newLine = 0;
    const startHunk = (row) => {
        const header = HUNK_HEADER.exec(row);
        if (!header)
            return; // file headers, `\ No newline` after the last hunk line, trailing noise
        hunk++;
        oldLeft = header[2] === undefined ? 1 : Number(header[2]);
        newLine = Number(header[3]);
        newLeft = header[4] === undefined ? 1 : Number(header[4]);
    };
    for (const raw of rows) {
        const row = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
        if (oldLeft <= 0 && newLeft <= 0) {
            startHunk(row);
            continue;
        }
        const marker = row[0];
        if (marker === '+') {
            commentableLines.set(newLine, hunk);
            addedLines.add(newLine);
            newLine++;
            newLeft--;
        }
        else if (marker === '-') {
            oldLeft--;
        }
        else if (marker === ' ' || row === '') {
            // An empty row is a context line whose leading space was stripped by an editor or a mail client.
            commentableLines.set(newLine, hunk);
            newLine++;
            newLeft--;
            oldLeft--;
        }
        else if (marker === '\\') ;
        else {
            // Not a hunk line: the hunk header lied about its counts; stop reading this hunk.
            oldLeft = 0;
            newLeft = 0;
            startHunk(row);
        }
    }
    return { commentableLines, addedLines };
}

// The finding model of DESIGN.md §5: the one data shape every layer speaks.
const SEVERITIES = ['error', 'warning', 'notice'];
/** Higher is worse; used by the gate and for sorting. */
function severityRank(severity) {
    return severity === 'error' ? 3 : severity === 'warning' ? 2 : 1;
}
function compareFindings(a, b) {
    return a.file.localeCompare(b.file) || a.line - b.line || severityRank(b.severity) - severityRank(a.severity) || a.rule.localeCompare(b.rule);
}
/** Thrown for usage and input errors; the CLI maps it to exit code 2. */
class UsageError extends Error {
    name = 'UsageError';
}

// The change set from the workspace's git checkout: merge-base…head, hunks and file contents.
// Git runs with external diff drivers and textconv off: nothing from the PR is executed.
const GIT_ENV = { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C' };
const MAX_BUFFER = 512 * 1024 * 1024;
function git(cwd, args, input) {
    return execFileSync('git', ['-c', 'core.quotePath=false', ...args], { cwd, env: GIT_ENV, maxBuffer: MAX_BUFFER, input, stdio: ['pipe', 'pipe', 'pipe'] });
}
function isGitRepository(cwd) {
    try {
        return git(cwd, ['rev-parse', '--is-inside-work-tree']).toString().trim() === 'true';
    }
    catch {
        return false;
    }
}
/** The top folder of the work tree `cwd` is in (git names files from there). */
function gitTopLevel(cwd) {
    try {
        return git(cwd, ['rev-parse', '--show-toplevel']).toString().replace(/\n$/, '');
    }
    catch {
        return undefined;
    }
}
function resolveCommit(cwd, ref) {
    try {
        return git(cwd, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]).toString().trim();
    }
    catch {
        return undefined;
    }
}
const STATUS = { A: 'added', M: 'modified', D: 'removed', R: 'renamed', C: 'copied', T: 'modified' };
/** Files changed between the merge base of base and head, and head, with their commentable lines. */
function gitChangeSet(cwd, baseRef, headRef = 'HEAD') {
    const head = resolveCommit(cwd, headRef);
    const base = resolveCommit(cwd, baseRef);
    if (!head)
        throw new UsageError(`git: head "${headRef}" is not a commit in ${cwd}`);
    if (!base)
        throw new UsageError(`git: base "${baseRef}" is not a commit in ${cwd} (with actions/checkout use fetch-depth: 0)`);
    let mergeBase;
    try {
        mergeBase = git(cwd, ['merge-base', base, head]).toString().trim();
    }
    catch {
        throw new UsageError(`git: ${baseRef} and ${headRef} have no common ancestor (is the clone shallow? use fetch-depth: 0)`);
    }
    const common = ['diff', '--no-color', '--no-ext-diff', '--no-textconv', '-M', mergeBase, head];
    const files = parseNameStatus(git(cwd, [...common, '--name-status', '-z']).toString());
    const patches = splitDiff(git(cwd, [...common, '-U3']).toString());
    files.forEach((file, i) => {
        const patch = patches[i];
        if (patch === undefined || /^Binary files /m.test(patch.split('\n@@')[0])) {
            file.patchMissing = true;
            return;
        }
        const lines = parsePatch(patch);
        file.commentableLines = lines.commentableLines;
        file.addedLines = lines.addedLines;
    });
    return { source: 'git', baseRef: mergeBase, headRef: head, headSha: head, files };
}
function parseNameStatus(out) {
    const parts = out.split('\0');
    const files = [];
    for (let i = 0; i < parts.length - 1;) {
        const code = parts[i++];
        const status = STATUS[code[0]] ?? 'modified';
        if (status === 'renamed' || status === 'copied') {
            const previousPath = parts[i++];
            files.push({ path: parts[i++], previousPath, status, commentableLines: new Map(), addedLines: new Set() });
        }
        else {
            files.push({ path: parts[i++], status, commentableLines: new Map(), addedLines: new Set() });
        }
    }
    return files;
}
/** One chunk per file, in the order git prints them (the same as --name-status). */
function splitDiff(out) {
    const chunks = out.split(/^(?=diff --git )/m);
    return chunks.filter((c) => c.startsWith('diff --git '));
}
/**
 * Every regular file of a commit with its blob id, from one `git ls-tree -r -z --full-tree` (NUL-separated, so any
 * file name, newlines included, comes through as it is). Symbolic links (mode 120000) and submodules are left out:
 * a link's blob is its target's name, not repository content.
 */
function listTree(cwd, commit) {
    const out = git(cwd, ['ls-tree', '-r', '-z', '--full-tree', commit]).toString();
    const tree = new Map();
    let pos = 0;
    while (pos < out.length) {
        const end = out.indexOf('\0', pos);
        const entry = out.slice(pos, end === -1 ? out.length : end);
        pos = end === -1 ? out.length : end + 1;
        // "<mode> SP <type> SP <object> TAB <path>"
        const tab = entry.indexOf('\t');
        if (tab === -1)
            continue;
        const [mode, type, oid] = entry.slice(0, tab).split(' ');
        if (type === 'blob' && (mode === '100644' || mode === '100755'))
            tree.set(entry.slice(tab + 1), oid);
    }
    return tree;
}
/**
 * Contents of blobs by id in one `git cat-file --batch` call. Reading by id (not `<commit>:<path>`) costs the same
 * for every file: git does not walk the commit's trees again for each path, which is quadratic in the size of a
 * directory with thousands of entries.
 */
function readBlobsById(cwd, ids) {
    if (ids.length === 0)
        return [];
    const buf = git(cwd, ['cat-file', '--batch'], ids.join('\n') + '\n');
    const blobs = [];
    let pos = 0;
    for (const id of ids) {
        const nl = buf.indexOf(10, pos);
        if (nl === -1)
            throw new Error(`git cat-file: no answer for ${id}`);
        const header = buf.subarray(pos, nl).toString();
        pos = nl + 1;
        const m = /^[0-9a-f]+ (\w+) (\d+)$/.exec(header);
        if (!m)
            throw new Error(`git cat-file: ${header}`);
        const size = Number(m[2]);
        blobs.push(buf.subarray(pos, pos + size));
        pos += size + 1;
    }
    return blobs;
}
/** Contents of files of a tree; paths that are not regular files of it are absent from the map. */
function readBlobs(cwd, tree, paths) {
    const wanted = paths.filter((p) => tree.has(p));
    const blobs = readBlobsById(cwd, wanted.map((p) => tree.get(p)));
    return new Map(wanted.map((p, i) => [p, blobs[i]]));
}

// Reading and writing files next to content a pull request controls. A PR can commit symbolic links (to /dev/zero,
// to ~/.ssh/…, to a directory outside the checkout) and can name files as it likes: repository files are read only
// as regular files inside the repository, through no link, with a size cap; report files are written so that no
// link that is already there is followed.
/** O_NOFOLLOW where the platform has it (not on Windows, where links need privileges to create anyway). */
const NOFOLLOW = constants.O_NOFOLLOW ?? 0;
/** Opening a FIFO for reading would wait for a writer; a non-blocking open returns at once and fstat tells. */
const NONBLOCK = constants.O_NONBLOCK ?? 0;
/** The path of `path` relative to `root` with forward slashes, or undefined when it is outside `root`. */
function insideRoot(root, path) {
    const rel = relative(root, resolve$1(root, path));
    if (rel === '')
        return '';
    if (rel === '..' || rel.startsWith(`..${sep$1}`) || isAbsolute(rel))
        return undefined;
    return rel.split(sep$1).join('/');
}
/**
 * A file of the repository at `root`, read only when it is a regular file inside `root` reached through no symbolic
 * link, no larger than `maxBytes`. Undefined when it does not exist; a UsageError (with `what` and the reason) when
 * it exists but is anything else.
 */
function readRepositoryFile(root, path, limits = {}) {
    const what = limits.what ?? path;
    const realRoot = realpathSync(root);
    const rel = insideRoot(realRoot, isAbsolute(path) ? resolveThroughRoot(root, realRoot, path) : path);
    if (rel === undefined || rel === '')
        throw new UsageError(`${what}: the path is outside the repository (${root})`);
    // Every component from the root down, without following any: a link anywhere on the way is refused.
    let at = realRoot;
    const parts = rel.split('/');
    let stats;
    for (let i = 0; i < parts.length; i++) {
        at = join(at, parts[i]);
        stats = lstatOrUndefined(at);
        if (!stats)
            return undefined;
        if (stats.isSymbolicLink())
            throw new UsageError(`${what} is a symbolic link${i < parts.length - 1 ? ` (${parts.slice(0, i + 1).join('/')})` : ''}; istio-compat reads only regular files of the repository`);
        if (i < parts.length - 1 && !stats.isDirectory())
            return undefined;
    }
    return readRegular(at, stats, what, limits.maxBytes);
}
/** A file the user named outside the repository (e.g. `--config ~/istio-compat.yml`): links are the user's own, but only a regular file of bounded size is read. */
function readUserFile(path, limits = {}) {
    const what = limits.what ?? path;
    let stats;
    try {
        stats = statSync(path);
    }
    catch (error) {
        if (error.code === 'ENOENT')
            return undefined;
        throw new UsageError(`${what}: ${error.message}`);
    }
    return readRegular(path, stats, what, limits.maxBytes, false);
}
function readRegular(path, seen, what, maxBytes, nofollow = true) {
    if (seen.isDirectory())
        throw new UsageError(`${what} is a directory, not a file`);
    if (!seen.isFile())
        throw new UsageError(`${what} is not a regular file (a device, socket or pipe); istio-compat reads only regular files`);
    if (maxBytes !== undefined && seen.size > maxBytes)
        throw new UsageError(`${what} is ${seen.size} bytes, more than the limit of ${maxBytes} bytes`);
    let fd;
    try {
        fd = openSync(path, constants.O_RDONLY | NONBLOCK | (nofollow ? NOFOLLOW : 0));
    }
    catch (error) {
        const code = error.code;
        if (code === 'ELOOP')
            throw new UsageError(`${what} is a symbolic link; istio-compat reads only regular files of the repository`);
        throw new UsageError(`${what}: cannot read it (${code ?? error.message})`);
    }
    try {
        // The file opened must be the one looked at: a swap between lstat and open is refused.
        const opened = fstatSync(fd);
        if (!opened.isFile() || opened.ino !== seen.ino || opened.dev !== seen.dev)
            throw new UsageError(`${what} changed while it was read`);
        return readAll(fd, what, maxBytes, opened.size);
    }
    finally {
        closeSync(fd);
    }
}
/**
 * Reads to the end, never more than `maxBytes` (a file that grows while read is refused, not followed forever).
 * One buffer of the size fstat gives (plus one byte to see the end), so reading many small files allocates little.
 */
function readAll(fd, what, maxBytes, size) {
    let buf = Buffer.allocUnsafe(size + 1);
    let total = 0;
    for (;;) {
        if (total === buf.length) {
            if (maxBytes !== undefined && total > maxBytes)
                throw new UsageError(`${what} is more than the limit of ${maxBytes} bytes`);
            const bigger = Buffer.allocUnsafe(Math.max(buf.length * 2, 64 * 1024));
            buf.copy(bigger, 0, 0, total);
            buf = bigger;
        }
        const n = readSync(fd, buf, total, buf.length - total, null);
        if (n === 0)
            break;
        total += n;
    }
    if (maxBytes !== undefined && total > maxBytes)
        throw new UsageError(`${what} is more than the limit of ${maxBytes} bytes`);
    return buf.subarray(0, total);
}
/**
 * Reads a file a directory walk found (a regular file, reached through real directories): opened without
 * following a link, and refused when it is no longer a regular file. Undefined when it cannot be read.
 */
function readListedFile(path) {
    let fd;
    try {
        fd = openSync(path, constants.O_RDONLY | NONBLOCK | NOFOLLOW);
    }
    catch {
        return undefined;
    }
    try {
        const stats = fstatSync(fd);
        if (!stats.isFile())
            return undefined;
        return readAll(fd, path, undefined, stats.size);
    }
    finally {
        closeSync(fd);
    }
}
function lstatOrUndefined(path) {
    try {
        return lstatSync(path);
    }
    catch (error) {
        const code = error.code;
        if (code === 'ENOENT' || code === 'ENOTDIR')
            return undefined;
        throw error;
    }
}
/** An absolute path given for a file under `root`, expressed under root's real path (root may itself sit behind a link, e.g. /tmp on macOS). */
function resolveThroughRoot(root, realRoot, path) {
    const abs = resolve$1(path);
    const viaRoot = insideRoot(resolve$1(root), abs);
    return viaRoot === undefined ? abs : join(realRoot, viaRoot);
}

// Snapshots of the repository a run reads files from: a git commit or the work tree.
/**
 * Blobs already read, by id, shared by the snapshots of one repository: detection reads a file and the analysis
 * reads it again, and a file the PR did not touch has the same blob on both sides, so each blob crosses the pipe
 * from git once. Bounded: past `maxBytes` new blobs are not kept.
 */
class BlobCache {
    maxBytes;
    blobs = new Map();
    bytes = 0;
    constructor(maxBytes = 64 * 1024 * 1024) {
        this.maxBytes = maxBytes;
    }
    get(id) {
        return this.blobs.get(id);
    }
    set(id, data) {
        if (this.bytes + data.length > this.maxBytes || this.blobs.has(id))
            return;
        this.blobs.set(id, data);
        this.bytes += data.length;
    }
}
/** A commit: one `ls-tree` gives every file's blob id, and files are read by id (`cat-file --batch`), each blob once. */
function gitSnapshot(cwd, commit, cache = new BlobCache()) {
    let tree;
    const files = () => (tree ??= listTree(cwd, commit));
    return {
        list: async () => [...files().keys()],
        read: async (paths) => {
            const t = files();
            const out = new Map();
            const missing = [];
            for (const p of paths) {
                const id = t.get(p);
                if (id === undefined)
                    continue;
                const hit = cache.get(id);
                if (hit)
                    out.set(p, hit);
                else
                    missing.push(p);
            }
            if (missing.length === 0)
                return out;
            const read = readBlobs(cwd, t, missing);
            for (const [p, data] of read)
                cache.set(t.get(p), data);
            // In the order asked for, as the callers expect.
            return missing.length === paths.length ? read : new Map(paths.filter((p) => out.has(p) || read.has(p)).map((p) => [p, (out.get(p) ?? read.get(p))]));
        }
    };
}
const SKIP_DIRS = new Set(['.git', 'node_modules']);
/**
 * The work tree under `root`; paths are relative to it with forward slashes. Only regular files are listed and read:
 * symbolic links (to /dev/zero, to files outside the checkout) are neither followed nor read, files are opened with
 * O_NOFOLLOW, and a path that was not listed is read only when it is a regular file inside `root` reached through no link.
 */
function workTreeSnapshot(root) {
    let listed;
    let listedSet;
    return {
        list: async () => (listed ??= walkFiles(root)),
        read: async (paths) => {
            const out = new Map();
            for (const p of paths) {
                try {
                    const data = listedSet?.has(p) || (listed && (listedSet ??= new Set(listed)).has(p)) ? readListedFile(join(root, p)) : readRepositoryFile(root, p);
                    if (data)
                        out.set(p, data);
                }
                catch {
                    // A link, a device, outside the tree, vanished or unreadable: not read; the caller reports what it could not read.
                }
            }
            return out;
        }
    };
}
function walkFiles(root) {
    const out = [];
    const visit = (dir) => {
        for (const entry of readdirSync(dir, { withFileTypes: true })) {
            if (entry.isDirectory() && !SKIP_DIRS.has(entry.name))
                visit(join(dir, entry.name));
            else if (entry.isFile())
                out.push(relative(root, join(dir, entry.name)).split(sep$1).join('/'));
        }
    };
    if (statSync(root).isDirectory())
        visit(root);
    return out.sort();
}
/** merge-base(base, head)…head of a local repository, both sides read from git. */
function gitSources(cwd, baseRef, headRef) {
    const changes = gitChangeSet(cwd, baseRef, headRef);
    const cache = new BlobCache();
    return { changes, head: gitSnapshot(cwd, changes.headRef, cache), base: gitSnapshot(cwd, changes.baseRef, cache) };
}
/** No base to compare with: every file `matches` accepts counts as added, so each is checked whole. */
async function wholeFileSources(snapshot, matches) {
    const files = (await snapshot.list()).filter(matches).map((path) => ({ path, status: 'added', commentableLines: new Map(), addedLines: new Set() }));
    return { changes: { source: 'paths', files }, head: snapshot };
}

/** Follows an alias to its anchored node (one hop: anchors cannot point at aliases). */
function deref(node) {
    if (!node)
        return undefined;
    return node.kind === 'alias' ? node.target : node;
}
/** A `<<` entry merges only as a plain, untagged key: a quoted "<<" is an ordinary key (as in js-yaml). */
function isMergeEntry(entry) {
    return entry.key === '<<' && entry.keyNode.kind === 'scalar' && entry.keyNode.style === 'plain' && (entry.keyNode.tag === undefined || entry.keyNode.tag === '!!merge');
}
/** The maps a `<<` entry merges, in precedence order (`<<: [*a, *b]`: keys of a win over b). */
function mergeSources(entry) {
    const source = deref(entry.value);
    const out = [];
    if (source?.kind === 'map')
        out.push(source);
    else if (source?.kind === 'seq')
        for (const item of source.items) {
            const s = deref(item);
            if (s?.kind === 'map')
                out.push(s);
        }
    return out;
}
/**
 * The entry of `key` in a map, including keys brought in by `<<` merges, as kubectl (go-yaml v2) decodes them:
 * a merge applies where it stands, so it overrides own keys before it and later own keys override it; within one
 * `<<: [*a, *b]` the first map wins. A merged entry's nodes are those of the anchored map.
 */
function mapEntry(map, key, depth = 0) {
    let own;
    let hasMerge = false;
    for (const entry of map.entries) {
        if (isMergeEntry(entry))
            hasMerge = true;
        else if (entry.key === key && own === undefined)
            own = entry;
    }
    // Own keys are unique (a duplicate's first entry is dropped when the tree is built).
    if (!hasMerge || key === '<<')
        return own;
    let found;
    for (const entry of map.entries) {
        if (!isMergeEntry(entry)) {
            if (entry === own)
                found = own;
            continue;
        }
        // The depth bound stops a map that merges itself through an alias cycle.
        if (depth > 50)
            continue;
        for (const source of mergeSources(entry)) {
            const inner = mapEntry(source, key, depth + 1);
            if (inner) {
                found = inner;
                break;
            }
        }
    }
    return found;
}
/** Every effective entry of a map, own and merged, with mapEntry's precedence (merges apply where they stand). */
function mergedEntries(map, depth = 0) {
    if (!map.entries.some(isMergeEntry))
        return map.entries;
    const byKey = new Map();
    for (const entry of map.entries) {
        if (!isMergeEntry(entry)) {
            byKey.set(entry.key, entry);
            continue;
        }
        if (depth > 50)
            continue;
        const merged = new Map();
        for (const source of mergeSources(entry))
            for (const e of mergedEntries(source, depth + 1))
                if (!merged.has(e.key))
                    merged.set(e.key, e);
        for (const [k, e] of merged)
            byKey.set(k, e);
    }
    return [...byKey.values()];
}
/** The map entry whose key is the last element of `path` (so both key line and value are at hand). */
function entryAt(root, path) {
    if (path.length === 0)
        return undefined;
    const parent = nodeAt(root, path.slice(0, -1));
    const last = path[path.length - 1];
    if (parent?.kind !== 'map')
        return undefined;
    return mapEntry(parent, String(last));
}
/** The node at `path`, following aliases and merge keys. Numbers index sequences; in a map they are keys. */
function nodeAt(root, path) {
    let node = deref(root);
    for (const step of path) {
        if (!node)
            return undefined;
        if (node.kind === 'map')
            node = deref(mapEntry(node, String(step))?.value);
        else if (node.kind === 'seq' && typeof step === 'number')
            node = deref(node.items[step]);
        else
            return undefined;
    }
    return node;
}
/**
 * Depth-first walk of own nodes in source order; aliases are visited as aliases and never followed, and
 * merged keys are not visited (they are walked where their anchor is written), so alias bombs stay linear.
 */
function walk(root, visit, path = []) {
    if (!root)
        return;
    walkNode(root, visit, path, undefined);
}
function walkNode(node, visit, path, entry) {
    if (visit(node, path, entry) === 'skip')
        return;
    if (node.kind === 'map') {
        for (const e of node.entries) {
            if (!e.value)
                continue;
            path.push(e.key);
            walkNode(e.value, visit, path, e);
            path.pop();
        }
    }
    else if (node.kind === 'seq') {
        for (let i = 0; i < node.items.length; i++) {
            path.push(i);
            walkNode(node.items[i], visit, path, undefined);
            path.pop();
        }
    }
}
const SIMPLE_KEY = /^[A-Za-z0-9_-]+$/;
/** `spec.http[0].route` ⇄ ['spec', 'http', 0, 'route']; keys with other characters are written `["a.b/c"]`. */
function formatPath(path) {
    let out = '';
    for (const step of path) {
        if (typeof step === 'number')
            out += `[${step}]`;
        else if (SIMPLE_KEY.test(step))
            out += out === '' ? step : `.${step}`;
        else
            out += `["${step.replace(/[\\"]/g, (c) => `\\${c}`)}"]`;
    }
    return out;
}

/*! js-yaml 5.5.0 https://github.com/nodeca/js-yaml @license MIT */
//#region src/tag.ts
/**
* Returned by a scalar resolver when the source does not match its tag.
*
* @category Tags
*/
var NOT_RESOLVED = Symbol("NOT_RESOLVED");
/**
* Create a normalized scalar tag definition.
*
* @category Tags
*/
function defineScalarTag(tagName, options) {
	return {
		tagName,
		nodeKind: "scalar",
		implicit: options.implicit ?? false,
		matchByTagPrefix: options.matchByTagPrefix ?? false,
		implicitFirstChars: options.implicitFirstChars ?? null,
		resolve: options.resolve,
		identify: options.identify,
		represent: options.represent ?? ((data) => String(data)),
		representTagName: options.representTagName ?? (() => tagName)
	};
}
/**
* Create a normalized sequence tag definition.
*
* @category Tags
*/
function defineSequenceTag(tagName, options) {
	const carrierIsResult = options.finalize === void 0;
	return {
		tagName,
		nodeKind: "sequence",
		implicit: false,
		matchByTagPrefix: options.matchByTagPrefix ?? false,
		create: options.create,
		addItem: options.addItem,
		finalize: options.finalize ?? ((carrier) => carrier),
		carrierIsResult,
		identify: options.identify,
		represent: options.represent ?? ((data) => data),
		representTagName: options.representTagName ?? (() => tagName)
	};
}
/**
* Create a normalized mapping tag definition.
*
* @category Tags
*/
function defineMappingTag(tagName, options) {
	const carrierIsResult = options.finalize === void 0;
	return {
		tagName,
		nodeKind: "mapping",
		implicit: false,
		matchByTagPrefix: options.matchByTagPrefix ?? false,
		create: options.create,
		addPair: options.addPair,
		has: options.has,
		keys: options.keys,
		get: options.get,
		finalize: options.finalize ?? ((carrier) => carrier),
		carrierIsResult,
		identify: options.identify,
		represent: options.represent ?? ((data) => data),
		representTagName: options.representTagName ?? (() => tagName)
	};
}
//#endregion
//#region src/tag/scalar/str.ts
/** @category Tags */
var strTag = defineScalarTag("tag:yaml.org,2002:str", {
	resolve: (source) => source,
	identify: (data) => typeof data === "string"
});
//#endregion
//#region src/tag/scalar/null_core.ts
var NULL_VALUES$1 = [
	"",
	"~",
	"null",
	"Null",
	"NULL"
];
/** @category Tags */
var nullCoreTag = defineScalarTag("tag:yaml.org,2002:null", {
	implicit: true,
	implicitFirstChars: [
		"",
		"~",
		"n",
		"N"
	],
	resolve: (source) => {
		if (NULL_VALUES$1.indexOf(source) !== -1) return null;
		return NOT_RESOLVED;
	},
	identify: (object) => object === null,
	represent: () => "null"
});
//#endregion
//#region src/tag/scalar/null_json.ts
/** @category Tags */
var nullJsonTag = defineScalarTag("tag:yaml.org,2002:null", {
	implicit: true,
	implicitFirstChars: ["n"],
	resolve: (source, isExplicit) => {
		if (source === "null" || isExplicit && source === "") return null;
		return NOT_RESOLVED;
	},
	identify: (object) => object === null,
	represent: () => "null"
});
//#endregion
//#region src/tag/scalar/null_yaml11.ts
var NULL_VALUES = [
	"",
	"~",
	"null",
	"Null",
	"NULL"
];
/** @category Tags */
var nullYaml11Tag = defineScalarTag("tag:yaml.org,2002:null", {
	implicit: true,
	implicitFirstChars: [
		"",
		"~",
		"n",
		"N"
	],
	resolve: (source) => {
		if (NULL_VALUES.indexOf(source) !== -1) return null;
		return NOT_RESOLVED;
	},
	identify: (object) => object === null,
	represent: () => "null"
});
//#endregion
//#region src/tag/scalar/bool_core.ts
var TRUE_VALUES$2 = [
	"true",
	"True",
	"TRUE"
];
var FALSE_VALUES$2 = [
	"false",
	"False",
	"FALSE"
];
/** @category Tags */
var boolCoreTag = defineScalarTag("tag:yaml.org,2002:bool", {
	implicit: true,
	implicitFirstChars: [
		"t",
		"T",
		"f",
		"F"
	],
	resolve: (source) => {
		if (TRUE_VALUES$2.indexOf(source) !== -1) return true;
		if (FALSE_VALUES$2.indexOf(source) !== -1) return false;
		return NOT_RESOLVED;
	},
	identify: (object) => Object.prototype.toString.call(object) === "[object Boolean]",
	represent: (object) => object ? "true" : "false"
});
//#endregion
//#region src/tag/scalar/bool_json.ts
var TRUE_VALUES$1 = ["true"];
var FALSE_VALUES$1 = ["false"];
/** @category Tags */
var boolJsonTag = defineScalarTag("tag:yaml.org,2002:bool", {
	implicit: true,
	implicitFirstChars: ["t", "f"],
	resolve: (source) => {
		if (TRUE_VALUES$1.indexOf(source) !== -1) return true;
		if (FALSE_VALUES$1.indexOf(source) !== -1) return false;
		return NOT_RESOLVED;
	},
	identify: (object) => Object.prototype.toString.call(object) === "[object Boolean]",
	represent: (object) => object ? "true" : "false"
});
//#endregion
//#region src/tag/scalar/bool_yaml11.ts
var TRUE_VALUES = [
	"true",
	"True",
	"TRUE",
	"y",
	"Y",
	"yes",
	"Yes",
	"YES",
	"on",
	"On",
	"ON"
];
var FALSE_VALUES = [
	"false",
	"False",
	"FALSE",
	"n",
	"N",
	"no",
	"No",
	"NO",
	"off",
	"Off",
	"OFF"
];
/** @category Tags */
var boolYaml11Tag = defineScalarTag("tag:yaml.org,2002:bool", {
	implicit: true,
	implicitFirstChars: [
		"y",
		"Y",
		"n",
		"N",
		"t",
		"T",
		"f",
		"F",
		"o",
		"O"
	],
	resolve: (source) => {
		if (TRUE_VALUES.indexOf(source) !== -1) return true;
		if (FALSE_VALUES.indexOf(source) !== -1) return false;
		return NOT_RESOLVED;
	},
	identify: (object) => Object.prototype.toString.call(object) === "[object Boolean]",
	represent: (object) => object ? "true" : "false"
});
//#endregion
//#region src/tag/scalar/int_core.ts
var YAML_INTEGER_IMPLICIT_PATTERN$1 = /* @__PURE__ */ new RegExp("^(?:0o[0-7]+|0x[0-9a-fA-F]+|[-+]?[0-9]+)$");
var YAML_INTEGER_EXPLICIT_PATTERN$1 = /* @__PURE__ */ new RegExp("^(?:[-+]?0b[0-1]+|[-+]?0o[0-7]+|[-+]?0x[0-9a-fA-F]+|[-+]?[0-9]+)$");
function parseYamlInteger$2(source) {
	let value = source;
	let sign = 1;
	if (value[0] === "-" || value[0] === "+") {
		if (value[0] === "-") sign = -1;
		value = value.slice(1);
	}
	if (value.startsWith("0b")) return sign * parseInt(value.slice(2), 2);
	if (value.startsWith("0o")) return sign * parseInt(value.slice(2), 8);
	if (value.startsWith("0x")) return sign * parseInt(value.slice(2), 16);
	return sign * parseInt(value, 10);
}
function resolveYamlInteger$2(source, isExplicit) {
	if (isExplicit) {
		if (!YAML_INTEGER_EXPLICIT_PATTERN$1.test(source)) return NOT_RESOLVED;
	} else if (!YAML_INTEGER_IMPLICIT_PATTERN$1.test(source)) return NOT_RESOLVED;
	const result = parseYamlInteger$2(source);
	return Number.isFinite(result) ? result : NOT_RESOLVED;
}
/** @category Tags */
var intCoreTag = defineScalarTag("tag:yaml.org,2002:int", {
	implicit: true,
	implicitFirstChars: [
		"-",
		"+",
		..."0123456789"
	],
	resolve: resolveYamlInteger$2,
	identify: (object) => Number.isInteger(object) && !Object.is(object, -0) && object.toString(10).indexOf("e") < 0,
	represent: (object) => object.toString(10)
});
//#endregion
//#region src/tag/scalar/int_json.ts
var YAML_INTEGER_IMPLICIT_PATTERN = /* @__PURE__ */ new RegExp("^-?(?:0|[1-9][0-9]*)$");
var YAML_INTEGER_EXPLICIT_PATTERN = /* @__PURE__ */ new RegExp("^(?:[-+]?0b[0-1]+|[-+]?0o[0-7]+|[-+]?0x[0-9a-fA-F]+|[-+]?[0-9]+)$");
function parseYamlInteger$1(source) {
	let value = source;
	let sign = 1;
	if (value[0] === "-" || value[0] === "+") {
		if (value[0] === "-") sign = -1;
		value = value.slice(1);
	}
	if (value.startsWith("0b")) return sign * parseInt(value.slice(2), 2);
	if (value.startsWith("0o")) return sign * parseInt(value.slice(2), 8);
	if (value.startsWith("0x")) return sign * parseInt(value.slice(2), 16);
	return sign * parseInt(value, 10);
}
function resolveYamlInteger$1(source, isExplicit) {
	if (isExplicit) {
		if (!YAML_INTEGER_EXPLICIT_PATTERN.test(source)) return NOT_RESOLVED;
	} else if (!YAML_INTEGER_IMPLICIT_PATTERN.test(source)) return NOT_RESOLVED;
	const result = parseYamlInteger$1(source);
	return Number.isFinite(result) ? result : NOT_RESOLVED;
}
/** @category Tags */
var intJsonTag = defineScalarTag("tag:yaml.org,2002:int", {
	implicit: true,
	implicitFirstChars: ["-", ..."0123456789"],
	resolve: resolveYamlInteger$1,
	identify: (object) => Number.isInteger(object) && !Object.is(object, -0) && object.toString(10).indexOf("e") < 0,
	represent: (object) => object.toString(10)
});
//#endregion
//#region src/tag/scalar/int_yaml11.ts
var YAML_INTEGER_PATTERN = /* @__PURE__ */ new RegExp("^(?:[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?0x[0-9a-fA-F_]+|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+|[-+]?(?:0|[1-9][0-9_]*))$");
function parseYamlInteger(source) {
	let value = source.replace(/_/g, "");
	let sign = 1;
	if (value[0] === "-" || value[0] === "+") {
		if (value[0] === "-") sign = -1;
		value = value.slice(1);
	}
	if (value.startsWith("0b")) return sign * parseInt(value.slice(2), 2);
	if (value.startsWith("0x")) return sign * parseInt(value.slice(2), 16);
	if (value.includes(":")) {
		let result = 0;
		for (const part of value.split(":")) result = result * 60 + Number(part);
		return sign * result;
	}
	if (value !== "0" && value[0] === "0") return sign * parseInt(value, 8);
	return sign * parseInt(value, 10);
}
function resolveYamlInteger(source) {
	if (!YAML_INTEGER_PATTERN.test(source)) return NOT_RESOLVED;
	const result = parseYamlInteger(source);
	return Number.isFinite(result) ? result : NOT_RESOLVED;
}
/** @category Tags */
var intYaml11Tag = defineScalarTag("tag:yaml.org,2002:int", {
	implicit: true,
	implicitFirstChars: [
		"-",
		"+",
		..."0123456789"
	],
	resolve: resolveYamlInteger,
	identify: (object) => Number.isInteger(object) && !Object.is(object, -0) && object.toString(10).indexOf("e") < 0,
	represent: (object) => object.toString(10)
});
//#endregion
//#region src/tag/scalar/float_core.ts
var YAML_FLOAT_PATTERN$1 = /* @__PURE__ */ new RegExp("^(?:[-+]?[0-9]+(?:\\.[0-9]*)?(?:[eE][-+]?[0-9]+)?|[-+]?\\.[0-9]+(?:[eE][-+]?[0-9]+)?|[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN))$");
var YAML_FLOAT_SPECIAL_PATTERN$1 = /* @__PURE__ */ new RegExp("^(?:[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN))$");
function resolveYamlFloat$2(source) {
	if (!YAML_FLOAT_PATTERN$1.test(source)) return NOT_RESOLVED;
	let value = source.toLowerCase();
	const sign = value[0] === "-" ? -1 : 1;
	if ("+-".includes(value[0])) value = value.slice(1);
	if (value === ".inf") return sign === 1 ? Number.POSITIVE_INFINITY : Number.NEGATIVE_INFINITY;
	if (value === ".nan") return NaN;
	const result = sign * parseFloat(value);
	if (Number.isFinite(result) || YAML_FLOAT_SPECIAL_PATTERN$1.test(source)) return result;
	return NOT_RESOLVED;
}
function representYamlFloat$2(object) {
	if (isNaN(object)) return ".nan";
	if (object === Number.POSITIVE_INFINITY) return ".inf";
	if (object === Number.NEGATIVE_INFINITY) return "-.inf";
	if (Object.is(object, -0)) return "-0.0";
	const result = object.toString(10);
	return /^[-+]?[0-9]+e/.test(result) ? result.replace("e", ".e") : result;
}
/** @category Tags */
var floatCoreTag = defineScalarTag("tag:yaml.org,2002:float", {
	implicit: true,
	implicitFirstChars: [
		"-",
		"+",
		".",
		..."0123456789"
	],
	resolve: resolveYamlFloat$2,
	identify: (object) => typeof object === "number" && (!Number.isInteger(object) || Object.is(object, -0) || object.toString(10).indexOf("e") >= 0),
	represent: representYamlFloat$2
});
//#endregion
//#region src/tag/scalar/float_json.ts
var YAML_FLOAT_IMPLICIT_PATTERN = /* @__PURE__ */ new RegExp("^-?(?:0|[1-9][0-9]*)(?:\\.[0-9]*)?(?:[eE][-+]?[0-9]+)?$");
var YAML_FLOAT_EXPLICIT_PATTERN = /* @__PURE__ */ new RegExp("^(?:[-+]?[0-9]+(?:\\.[0-9]*)?(?:[eE][-+]?[0-9]+)?|[-+]?\\.[0-9]+(?:[eE][-+]?[0-9]+)?|[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN))$");
function resolveYamlFloat$1(source, isExplicit) {
	if (isExplicit) {
		if (!YAML_FLOAT_EXPLICIT_PATTERN.test(source)) return NOT_RESOLVED;
		let value = source.toLowerCase();
		const sign = value[0] === "-" ? -1 : 1;
		if ("+-".includes(value[0])) value = value.slice(1);
		if (value === ".inf") return sign === 1 ? Number.POSITIVE_INFINITY : Number.NEGATIVE_INFINITY;
		if (value === ".nan") return NaN;
		const result = sign * parseFloat(value);
		return Number.isFinite(result) ? result : NOT_RESOLVED;
	}
	if (!YAML_FLOAT_IMPLICIT_PATTERN.test(source)) return NOT_RESOLVED;
	const result = Number(source);
	if (Number.isFinite(result)) return result;
	return NOT_RESOLVED;
}
function representYamlFloat$1(object) {
	if (isNaN(object)) return ".nan";
	if (object === Number.POSITIVE_INFINITY) return ".inf";
	if (object === Number.NEGATIVE_INFINITY) return "-.inf";
	if (Object.is(object, -0)) return "-0.0";
	const result = object.toString(10);
	return /^[-+]?[0-9]+e/.test(result) ? result.replace("e", ".e") : result;
}
/** @category Tags */
var floatJsonTag = defineScalarTag("tag:yaml.org,2002:float", {
	implicit: true,
	implicitFirstChars: ["-", ..."0123456789"],
	resolve: resolveYamlFloat$1,
	identify: (object) => typeof object === "number" && (!Number.isInteger(object) || Object.is(object, -0) || object.toString(10).indexOf("e") >= 0),
	represent: representYamlFloat$1
});
//#endregion
//#region src/tag/scalar/float_yaml11.ts
var YAML_FLOAT_PATTERN = /* @__PURE__ */ new RegExp("^(?:[-+]?(?:(?:[0-9][0-9_]*)?\\.[0-9_]*)(?:[eE][-+][0-9]+)?|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\\.[0-9_]*|[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN))$");
var YAML_FLOAT_SPECIAL_PATTERN = /* @__PURE__ */ new RegExp("^(?:[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN))$");
function resolveYamlFloat(source) {
	if (!YAML_FLOAT_PATTERN.test(source)) return NOT_RESOLVED;
	let value = source.toLowerCase().replace(/_/g, "");
	const sign = value[0] === "-" ? -1 : 1;
	if ("+-".includes(value[0])) value = value.slice(1);
	if (value === ".inf") return sign === 1 ? Number.POSITIVE_INFINITY : Number.NEGATIVE_INFINITY;
	if (value === ".nan") return NaN;
	let result = 0;
	if (value.includes(":")) {
		for (const part of value.split(":")) result = result * 60 + Number(part);
		result *= sign;
	} else result = sign * parseFloat(value);
	if (Number.isFinite(result) || YAML_FLOAT_SPECIAL_PATTERN.test(source)) return result;
	return NOT_RESOLVED;
}
function representYamlFloat(object) {
	if (isNaN(object)) return ".nan";
	if (object === Number.POSITIVE_INFINITY) return ".inf";
	if (object === Number.NEGATIVE_INFINITY) return "-.inf";
	if (Object.is(object, -0)) return "-0.0";
	const result = object.toString(10);
	return /^[-+]?[0-9]+e/.test(result) ? result.replace("e", ".e") : result;
}
/** @category Tags */
var floatYaml11Tag = defineScalarTag("tag:yaml.org,2002:float", {
	implicit: true,
	implicitFirstChars: [
		"-",
		"+",
		".",
		..."0123456789"
	],
	resolve: resolveYamlFloat,
	identify: (object) => typeof object === "number" && (!Number.isInteger(object) || Object.is(object, -0) || object.toString(10).indexOf("e") >= 0),
	represent: representYamlFloat
});
//#endregion
//#region src/tag/scalar/merge.ts
/**
* Enables merge keys in {@link CORE_SCHEMA} when added with
* {@link Schema.withTags}.
*
* @category Tags
*/
var mergeTag = defineScalarTag("tag:yaml.org,2002:merge", {
	implicit: true,
	implicitFirstChars: ["<"],
	resolve: (source, isExplicit) => {
		if (source === "<<" || isExplicit && source === "") return "<<";
		return NOT_RESOLVED;
	},
	identify: () => false
});
//#endregion
//#region src/tag/scalar/binary.ts
var BASE64_PATTERN = /^[A-Za-z0-9+/]*={0,2}$/;
function resolveYamlBinary(source) {
	const input = source.replace(/\s/g, "");
	if (input.length % 4 !== 0 || !BASE64_PATTERN.test(input)) return NOT_RESOLVED;
	const binary = atob(input);
	const result = new Uint8Array(binary.length);
	for (let index = 0; index < binary.length; index++) result[index] = binary.charCodeAt(index);
	return result;
}
function representYamlBinary(object) {
	let binary = "";
	for (let index = 0; index < object.length; index++) binary += String.fromCharCode(object[index]);
	return btoa(binary);
}
/**
* The `!!binary` tag, represented as a `Uint8Array`.
*
* @category Tags
*/
var binaryTag = defineScalarTag("tag:yaml.org,2002:binary", {
	resolve: resolveYamlBinary,
	identify: (object) => Object.prototype.toString.call(object) === "[object Uint8Array]",
	represent: representYamlBinary
});
//#endregion
//#region src/tag/scalar/timestamp.ts
var YAML_DATE_REGEXP = /* @__PURE__ */ new RegExp("^([0-9][0-9][0-9][0-9])-([0-9][0-9])-([0-9][0-9])$");
var YAML_TIMESTAMP_REGEXP = /* @__PURE__ */ new RegExp("^([0-9][0-9][0-9][0-9])-([0-9][0-9]?)-([0-9][0-9]?)(?:[Tt]|[ \\t]+)([0-9][0-9]?):([0-9][0-9]):([0-9][0-9])(?:\\.([0-9]*))?(?:[ \\t]*(Z|([-+])([0-9][0-9]?)(?::([0-9][0-9]))?))?$");
function makeUtcDate(year, month, day, hour = 0, minute = 0, second = 0, fraction = 0) {
	const date = new Date(Date.UTC(year, month, day, hour, minute, second, fraction));
	date.setUTCFullYear(year, month, day);
	return date;
}
function resolveYamlTimestamp(source) {
	let match = YAML_DATE_REGEXP.exec(source);
	if (match === null) match = YAML_TIMESTAMP_REGEXP.exec(source);
	if (match === null) return NOT_RESOLVED;
	const year = +match[1];
	const month = +match[2] - 1;
	const day = +match[3];
	if (!match[4]) {
		const date = makeUtcDate(year, month, day);
		if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month || date.getUTCDate() !== day) return NOT_RESOLVED;
		return date;
	}
	const hour = +match[4];
	const minute = +match[5];
	const second = +match[6];
	let fraction = 0;
	if (hour > 23 || minute > 59 || second > 59) return NOT_RESOLVED;
	if (match[7]) {
		let value = match[7].slice(0, 3);
		while (value.length < 3) value += "0";
		fraction = +value;
	}
	const date = makeUtcDate(year, month, day, hour, minute, second, fraction);
	if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month || date.getUTCDate() !== day) return NOT_RESOLVED;
	if (match[9]) {
		const offsetHour = +match[10];
		const offsetMinute = +(match[11] || 0);
		if (offsetHour > 23 || offsetMinute > 59) return NOT_RESOLVED;
		const offset = (offsetHour * 60 + offsetMinute) * 6e4;
		date.setTime(date.getTime() - (match[9] === "-" ? -offset : offset));
	}
	return date;
}
/**
* The YAML 1.1 `!!timestamp` tag, represented as a JavaScript `Date`.
*
* @category Tags
*/
var timestampTag = defineScalarTag("tag:yaml.org,2002:timestamp", {
	implicit: true,
	implicitFirstChars: [..."0123456789"],
	resolve: resolveYamlTimestamp,
	identify: (object) => object instanceof Date,
	represent: (object) => object.toISOString()
});
//#endregion
//#region src/tag/sequence/seq.ts
/** @category Tags */
var seqTag = defineSequenceTag("tag:yaml.org,2002:seq", {
	create: () => [],
	addItem: (container, item) => {
		container.push(item);
	},
	identify: Array.isArray
});
//#endregion
//#region src/common/object.ts
function isPlainObject(data) {
	if (data === null || typeof data !== "object" || Array.isArray(data)) return false;
	const prototype = Object.getPrototypeOf(data);
	return prototype === null || prototype === Object.prototype;
}
function pick(object, keys) {
	const result = {};
	for (const key of keys) if (object[key] !== void 0) result[key] = object[key];
	return result;
}
//#endregion
//#region src/tag/sequence/omap.ts
/**
* Provided only for YAML 1.1 compatibility and supported by the loader only.
* JavaScript has no dedicated class to represent this type, so it cannot be
* identified and dumped.
*
* ```yaml
* !!omap
*   - one: 1
*   - two: 2
* ```
*
* is loaded as
*
* ```javascript
* [
*   { one: 1 },
*   { two: 2 }
* ]
* ```
*
* @category Tags
*/
var omapTag = defineSequenceTag("tag:yaml.org,2002:omap", {
	create: () => ({
		list: [],
		seen: /* @__PURE__ */ new Set()
	}),
	addItem: (carrier, item) => {
		let key;
		if (item instanceof Map) {
			if (item.size !== 1) return "cannot resolve an ordered map item";
			key = item.keys().next().value;
		} else if (isPlainObject(item)) {
			const itemKeys = Object.keys(item);
			if (itemKeys.length !== 1) return "cannot resolve an ordered map item";
			key = itemKeys[0];
		} else return "cannot resolve an ordered map item";
		if (carrier.seen.has(key)) return "duplicate key in ordered map";
		carrier.seen.add(key);
		carrier.list.push(item);
		return "";
	},
	finalize: (carrier) => carrier.list,
	identify: () => false
});
//#endregion
//#region src/tag/sequence/pairs.ts
/**
* Provided only for YAML 1.1 compatibility and supported by the loader only.
* JavaScript has no dedicated class to represent this type, so it cannot be
* identified and dumped.
*
* ```yaml
* !!pairs
*   - one: 1
*   - two: 2
* ```
*
* is loaded as
*
* ```javascript
* [
*   ['one', 1],
*   ['two', 2]
* ]
* ```
*
* @category Tags
*/
var pairsTag = defineSequenceTag("tag:yaml.org,2002:pairs", {
	create: () => [],
	addItem: (container, item) => {
		if (item instanceof Map) {
			if (item.size !== 1) return "cannot resolve a pairs item";
			container.push(item.entries().next().value);
			return "";
		}
		if (Object.prototype.toString.call(item) !== "[object Object]") return "cannot resolve a pairs item";
		const object = item;
		const keys = Object.keys(object);
		if (keys.length !== 1) return "cannot resolve a pairs item";
		container.push([keys[0], object[keys[0]]]);
		return "";
	},
	identify: () => false
});
//#endregion
//#region src/tag/mapping/map.ts
/**
* This is the default mapping implementation. It uses `{}` objects and has only
* partial functionality due to language limitations. This choice was made
* because users expect to get JavaScript objects, and it was left unchanged to
* avoid too many breaking changes in the v5 release.
*
* Side effects:
*
* - `Object.hasOwn()` checks or `for...of` loops are required for safe use (to
*   avoid falling through to prototypes).
* - Only scalar string keys are supported properly.
* - Other scalar keys, such as `null` and numbers, are converted to strings.
*   This is historical behaviour, and it can cause side effects such as
*   problems with `!!merge`.
*
* Note that non-string scalar keys may be deprecated in future versions.
*
* Ideally, use {@link realMapTag} instead.
*
* @category Tags
*/
var mapTag = defineMappingTag("tag:yaml.org,2002:map", {
	create: () => ({}),
	identify: isPlainObject,
	represent: (o) => {
		const map = /* @__PURE__ */ new Map();
		for (const key of Object.keys(o)) map.set(key, o[key]);
		return map;
	},
	addPair: (container, key, value) => {
		if (key !== null && typeof key === "object") return "object-based map does not support complex keys";
		const normalizedKey = String(key);
		if (normalizedKey === "__proto__") Object.defineProperty(container, normalizedKey, {
			value,
			enumerable: true,
			configurable: true,
			writable: true
		});
		else container[normalizedKey] = value;
		return "";
	},
	has: (container, key) => {
		if (key !== null && typeof key === "object") return false;
		return Object.prototype.hasOwnProperty.call(container, String(key));
	},
	keys: (container) => Object.keys(container),
	get: (container, key) => {
		const normalizedKey = String(key);
		if (!Object.prototype.hasOwnProperty.call(container, normalizedKey)) return null;
		return container[normalizedKey];
	}
});
//#endregion
//#region src/tag/mapping/set.ts
/**
* The YAML 1.1 `!!set` tag, represented as a JavaScript `Set`.
*
* @category Tags
*/
var setTag = defineMappingTag("tag:yaml.org,2002:set", {
	create: () => /* @__PURE__ */ new Set(),
	identify: (data) => data instanceof Set,
	represent: (data) => {
		const map = /* @__PURE__ */ new Map();
		for (const key of data) map.set(key, null);
		return map;
	},
	addPair: (container, key, value) => {
		if (value !== null) return "cannot resolve a set item";
		container.add(key);
		return "";
	},
	has: (container, key) => container.has(key),
	keys: (container) => container.keys(),
	get: () => null
});
//#endregion
//#region src/schema.ts
function createTagDefinitionMap() {
	return {
		scalar: Object.create(null),
		sequence: Object.create(null),
		mapping: Object.create(null)
	};
}
function createTagDefinitionListMap() {
	return {
		scalar: [],
		sequence: [],
		mapping: []
	};
}
function compileTags(tags) {
	const result = [];
	for (const tag of tags) {
		let index = result.length;
		for (let previousIndex = 0; previousIndex < result.length; previousIndex++) {
			const previous = result[previousIndex];
			if (previous.nodeKind === tag.nodeKind && previous.tagName === tag.tagName && previous.matchByTagPrefix === tag.matchByTagPrefix) {
				index = previousIndex;
				break;
			}
		}
		result[index] = tag;
	}
	return result;
}
/**
* Controls tag resolution when loading and type selection when dumping.
*
* @category Schemas
*/
var Schema = class Schema {
	tags;
	/** @internal */
	implicitScalarTags;
	/**
	* Dispatch implicit scalar resolvers by `source.charAt(0)`. Each bucket holds
	* the resolvers that may match that key, in schema order; a key absent from
	* the map uses
	* {@link Schema.implicitScalarAnyFirstChar}
	* (resolvers that declared no first-char constraint, so they apply to any
	* first character).
	*/
	implicitScalarByFirstChar;
	implicitScalarAnyFirstChar;
	/**
	* The default scalar tag (`!!str`), resolved once so the composer's fallback
	* for unresolved plain scalars avoids a keyed lookup per scalar.
	*
	* @internal
	*/
	defaultScalarTag;
	/**
	* The default container tags (`!!seq` / `!!map`), used by the dumper: when a
	* value is identified by its default tag, the tag is implicit and not
	* printed. Undefined if the schema does not define them (then such values
	* can't be dumped).
	*
	* @internal
	*/
	defaultSequenceTag;
	/** @internal */
	defaultMappingTag;
	exact;
	prefix;
	constructor(tags) {
		const compiledTags = compileTags(tags);
		const implicitScalarTags = [];
		const exact = createTagDefinitionMap();
		const prefix = createTagDefinitionListMap();
		for (const tag of compiledTags) {
			if (tag.nodeKind === "scalar" && tag.implicit) {
				if (tag.matchByTagPrefix) throw new Error("Implicit scalar tags cannot match by tag prefix");
				implicitScalarTags.push(tag);
			}
			switch (tag.nodeKind) {
				case "scalar":
					if (tag.matchByTagPrefix) prefix.scalar.push(tag);
					else exact.scalar[tag.tagName] = tag;
					break;
				case "sequence":
					if (tag.matchByTagPrefix) prefix.sequence.push(tag);
					else exact.sequence[tag.tagName] = tag;
					break;
				case "mapping": if (tag.matchByTagPrefix) prefix.mapping.push(tag);
				else exact.mapping[tag.tagName] = tag;
			}
		}
		const implicitScalarAnyFirstChar = implicitScalarTags.filter((tag) => tag.implicitFirstChars === null);
		const keys = /* @__PURE__ */ new Set();
		for (const tag of implicitScalarTags) if (tag.implicitFirstChars !== null) for (const key of tag.implicitFirstChars) keys.add(key);
		const implicitScalarByFirstChar = /* @__PURE__ */ new Map();
		for (const key of keys) implicitScalarByFirstChar.set(key, implicitScalarTags.filter((tag) => tag.implicitFirstChars === null || tag.implicitFirstChars.indexOf(key) !== -1));
		const defaultScalarTag = exact.scalar["tag:yaml.org,2002:str"];
		if (!defaultScalarTag) throw new Error("schema does not define the default scalar tag (tag:yaml.org,2002:str)");
		this.tags = compiledTags;
		this.implicitScalarTags = implicitScalarTags;
		this.implicitScalarByFirstChar = implicitScalarByFirstChar;
		this.implicitScalarAnyFirstChar = implicitScalarAnyFirstChar;
		this.defaultScalarTag = defaultScalarTag;
		this.defaultSequenceTag = exact.sequence["tag:yaml.org,2002:seq"];
		this.defaultMappingTag = exact.mapping["tag:yaml.org,2002:map"];
		this.exact = exact;
		this.prefix = prefix;
	}
	/** @internal */
	lookupScalarTag(tagName) {
		const exactTag = this.exact.scalar[tagName];
		if (exactTag) return exactTag;
		for (const tag of this.prefix.scalar) if (tagName.startsWith(tag.tagName)) return tag;
	}
	/** @internal */
	lookupSequenceTag(tagName) {
		const exactTag = this.exact.sequence[tagName];
		if (exactTag) return exactTag;
		for (const tag of this.prefix.sequence) if (tagName.startsWith(tag.tagName)) return tag;
	}
	/** @internal */
	lookupMappingTag(tagName) {
		const exactTag = this.exact.mapping[tagName];
		if (exactTag) return exactTag;
		for (const tag of this.prefix.mapping) if (tagName.startsWith(tag.tagName)) return tag;
	}
	/** @internal */
	resolveImplicitScalarTag(source) {
		const candidates = this.implicitScalarByFirstChar.get(source.charAt(0)) ?? this.implicitScalarAnyFirstChar;
		for (const tag of candidates) {
			const value = tag.resolve(source, false, tag.tagName);
			if (value !== NOT_RESOLVED) return {
				value,
				tag
			};
		}
		const tag = this.defaultScalarTag;
		return {
			value: tag.resolve(source, false, tag.tagName),
			tag
		};
	}
	/**
	* Creates a new schema with the specified tags added. If a tag already
	* exists, it is replaced by the specified tag.
	*
	* @example
	*
	* ```javascript
	* import { CORE_SCHEMA, mergeTag, realMapTag } from 'js-yaml'
	*
	* const schema = CORE_SCHEMA.withTags(mergeTag, realMapTag)
	* ```
	*/
	withTags(...tags) {
		let flatTags = [];
		for (const tag of tags) flatTags = flatTags.concat(tag);
		return new Schema([...this.tags, ...flatTags]);
	}
};
/**
* The YAML 1.2 Failsafe Schema: strings, sequences, and mappings.
*
* @category Schemas
*/
var FAILSAFE_SCHEMA = new Schema([
	strTag,
	seqTag,
	mapTag
]);
/**
* The YAML 1.2 JSON Schema. It uses JSON scalar forms while retaining YAML
* collection syntax.
*
* @category Schemas
*/
new Schema([
	...FAILSAFE_SCHEMA.tags,
	nullJsonTag,
	boolJsonTag,
	intJsonTag,
	floatJsonTag
]);
/**
* The default schema for the loaders. Note, {@link CORE_SCHEMA} comes
* without the `!!merge` tag. You can easily enable it if needed.
*
* @example
* Enable {@link mergeTag}:
*
* ```javascript
* import { load, CORE_SCHEMA, mergeTag } from 'js-yaml'
*
* try {
*   load(data, { schema: CORE_SCHEMA.withTags(mergeTag) })
* } catch (e) {
*   console.error(e)
* }
* ```
*
* @category Schemas
*/
var CORE_SCHEMA = new Schema([
	...FAILSAFE_SCHEMA.tags,
	nullCoreTag,
	boolCoreTag,
	intCoreTag,
	floatCoreTag
]);
/**
* YAML 1.1-compatible schema.
*
* @category Schemas
*/
var YAML11_SCHEMA = new Schema([
	...FAILSAFE_SCHEMA.tags,
	nullYaml11Tag,
	boolYaml11Tag,
	intYaml11Tag,
	floatYaml11Tag,
	timestampTag,
	mergeTag,
	binaryTag,
	omapTag,
	pairsTag,
	setTag
]);
/**
* The dumper schema for maximum compatibility. It combines all supported type
* variants from YAML 1.1 and YAML 1.2 so strings matching any of them are
* quoted. This makes the generated YAML more compatible with other parsers.
*
* The schema is based on YAML 1.1, but extends `!!int` and `!!float` to accept
* both YAML 1.1 and Core Schema forms, since Core Schema supports some forms
* that YAML 1.1 does not.
*
* @category Schemas
*/
YAML11_SCHEMA.withTags({
	...intYaml11Tag,
	resolve: (source, isExplicit, tagName) => {
		const result = intYaml11Tag.resolve(source, isExplicit, tagName);
		return result === NOT_RESOLVED ? intCoreTag.resolve(source, isExplicit, tagName) : result;
	}
}, {
	...floatYaml11Tag,
	resolve: (source, isExplicit, tagName) => {
		const result = floatYaml11Tag.resolve(source, isExplicit, tagName);
		return result === NOT_RESOLVED ? floatCoreTag.resolve(source, isExplicit, tagName) : result;
	}
});
//#endregion
//#region src/tag/mapping/real_map.ts
/**
* Recommended when non-string keys are actually needed. It uses native
* JavaScript `Map` objects, so keys keep their constructed types instead of
* being converted to strings.
*
* It is not the default to avoid widespread breaking changes in existing
* projects. `Map` has a different access API and does not pass deep equality
* checks against `{}`-based fixtures. Alongside the other changes in v5,
* making it the default was considered too disruptive.
*
* If these differences are acceptable for your project, we recommend using
* {@link realMapTag} to guarantee the absence of problems and side effects.
*
* @example
* Enable {@link realMapTag}:
*
* ```javascript
* import { load, CORE_SCHEMA, realMapTag } from 'js-yaml'
*
* try {
*   load(data, { schema: CORE_SCHEMA.withTags(realMapTag) })
* } catch (e) {
*   console.error(e)
* }
* ```
*
* @category Tags
*/
defineMappingTag("tag:yaml.org,2002:map", {
	create: () => /* @__PURE__ */ new Map(),
	addPair: (container, key, value) => {
		container.set(key, value);
		return "";
	},
	has: (container, key) => container.has(key),
	keys: (container) => container.keys(),
	get: (container, key) => container.get(key),
	identify: (data) => data instanceof Map || isPlainObject(data),
	represent: (data) => {
		if (data instanceof Map) return data;
		const map = /* @__PURE__ */ new Map();
		const obj = data;
		for (const key of Object.keys(obj)) map.set(key, obj[key]);
		return map;
	}
});
//#endregion
//#region src/tag/mapping/legacy_map.ts
function normalizeKey(key) {
	if (Array.isArray(key)) {
		const array = Array.prototype.slice.call(key);
		for (let index = 0; index < array.length; index++) {
			if (Array.isArray(array[index])) return null;
			if (typeof array[index] === "object" && Object.prototype.toString.call(array[index]) === "[object Object]") array[index] = "[object Object]";
		}
		return String(array);
	}
	if (typeof key === "object" && Object.prototype.toString.call(key) === "[object Object]") return "[object Object]";
	return String(key);
}
/**
* This implementation exists solely to reproduce v4 behavior exactly. Its use
* is strongly discouraged. If complex or non-string keys are needed, use
* {@link realMapTag} instead.
*
* @category Tags
*/
defineMappingTag("tag:yaml.org,2002:map", {
	create: () => ({}),
	identify: isPlainObject,
	represent: (o) => {
		const map = /* @__PURE__ */ new Map();
		for (const key of Object.keys(o)) map.set(key, o[key]);
		return map;
	},
	addPair: (container, key, value) => {
		const normalizedKey = normalizeKey(key);
		if (normalizedKey === null) return "nested arrays are not supported inside keys";
		if (normalizedKey === "__proto__") Object.defineProperty(container, normalizedKey, {
			value,
			enumerable: true,
			configurable: true,
			writable: true
		});
		else container[normalizedKey] = value;
		return "";
	},
	has: (container, key) => {
		const normalizedKey = normalizeKey(key);
		return normalizedKey !== null && Object.prototype.hasOwnProperty.call(container, normalizedKey);
	},
	keys: (container) => Object.keys(container),
	get: (container, key) => {
		const normalizedKey = String(key);
		if (!Object.prototype.hasOwnProperty.call(container, normalizedKey)) return null;
		return container[normalizedKey];
	}
});
//#endregion
//#region src/common/snippet.ts
var DEFAULT_SNIPPET_OPTIONS = {
	maxLength: 79,
	indent: 1,
	linesBefore: 3,
	linesAfter: 2
};
function getLine(buffer, lineStart, lineEnd, position, maxLineLength) {
	let head = "";
	let tail = "";
	const maxHalfLength = Math.floor(maxLineLength / 2) - 1;
	if (position - lineStart > maxHalfLength) {
		head = " ... ";
		lineStart = position - maxHalfLength + head.length;
	}
	if (lineEnd - position > maxHalfLength) {
		tail = " ...";
		lineEnd = position + maxHalfLength - tail.length;
	}
	return {
		str: head + buffer.slice(lineStart, lineEnd).replace(/\t/g, "→") + tail,
		pos: position - lineStart + head.length
	};
}
function padStart(string, max) {
	return " ".repeat(Math.max(max - string.length, 0)) + string;
}
function makeSnippet(mark, options) {
	if (!mark.buffer) return null;
	const opts = {
		...DEFAULT_SNIPPET_OPTIONS,
		...options
	};
	const re = /\r?\n|\r|\0/g;
	const lineStarts = [0];
	const lineEnds = [];
	let match;
	let foundLineNo = -1;
	while (match = re.exec(mark.buffer)) {
		lineEnds.push(match.index);
		lineStarts.push(match.index + match[0].length);
		if (mark.position <= match.index && foundLineNo < 0) foundLineNo = lineStarts.length - 2;
	}
	if (foundLineNo < 0) foundLineNo = lineStarts.length - 1;
	let result = "";
	const lineNoLength = Math.min(mark.line + opts.linesAfter, lineEnds.length).toString().length;
	const maxLineLength = opts.maxLength - (opts.indent + lineNoLength + 3);
	for (let i = 1; i <= opts.linesBefore; i++) {
		if (foundLineNo - i < 0) break;
		const line = getLine(mark.buffer, lineStarts[foundLineNo - i], lineEnds[foundLineNo - i], mark.position - (lineStarts[foundLineNo] - lineStarts[foundLineNo - i]), maxLineLength);
		result = `${" ".repeat(opts.indent)}${padStart((mark.line - i + 1).toString(), lineNoLength)} | ${line.str}\n${result}`;
	}
	const line = getLine(mark.buffer, lineStarts[foundLineNo], lineEnds[foundLineNo], mark.position, maxLineLength);
	result += `${" ".repeat(opts.indent)}${padStart((mark.line + 1).toString(), lineNoLength)} | ${line.str}\n`;
	result += `${"-".repeat(opts.indent + lineNoLength + 3 + line.pos)}^\n`;
	for (let i = 1; i <= opts.linesAfter; i++) {
		if (foundLineNo + i >= lineEnds.length) break;
		const line = getLine(mark.buffer, lineStarts[foundLineNo + i], lineEnds[foundLineNo + i], mark.position - (lineStarts[foundLineNo] - lineStarts[foundLineNo + i]), maxLineLength);
		result += `${" ".repeat(opts.indent)}${padStart((mark.line + i + 1).toString(), lineNoLength)} | ${line.str}\n`;
	}
	return result.replace(/\n$/, "");
}
//#endregion
//#region src/common/exception.ts
function formatError(exception, compact) {
	let where = "";
	if (!exception.mark) return exception.reason;
	if (exception.mark.name) where += `in "${exception.mark.name}" `;
	where += `(${exception.mark.line + 1}:${exception.mark.column + 1})`;
	if (!compact && exception.mark.snippet) where += `\n\n${exception.mark.snippet}`;
	return `${exception.reason} ${where}`;
}
/**
* A YAML error. Unlike an ordinary `Error`, it adds a source snippet showing
* the location of the problem to the error message, when available.
*
* @category Main
*/
var YAMLException = class YAMLException extends Error {
	reason;
	mark;
	/**
	* Optional `mark` contains source snippet data. Usually, use
	* {@link YAMLException.throwAt} instead of passing it directly.
	*/
	constructor(reason, mark) {
		super();
		this.name = "YAMLException";
		this.reason = reason;
		this.mark = mark;
		this.message = formatError(this, false);
		if (Error.captureStackTrace) Error.captureStackTrace(this, this.constructor);
	}
	/**
	* Returns the formatted error, omitting the source snippet in compact mode.
	*/
	toString(compact) {
		return `${this.name}: ${formatError(this, compact)}`;
	}
	/**
	* Builds a YAMLException with a source snippet and throws it. `source` is
	* the raw input text; `position` is an offset into it.
	*/
	static throwAt(source, position, message, filename = "") {
		let line = 0;
		let lineStart = 0;
		for (let index = 0; index < position; index++) {
			const ch = source.charCodeAt(index);
			if (ch === 10) {
				line++;
				lineStart = index + 1;
			} else if (ch === 13) {
				line++;
				if (source.charCodeAt(index + 1) === 10) index++;
				lineStart = index + 1;
			}
		}
		const mark = {
			name: filename,
			buffer: source,
			position,
			line,
			column: position - lineStart
		};
		mark.snippet = makeSnippet(mark);
		throw new YAMLException(message, mark);
	}
};
//#endregion
//#region src/parser/events.ts
/** @category Events */
var EVENT_ID = {
	DOCUMENT: 1,
	SEQUENCE: 2,
	MAPPING: 3,
	SCALAR: 4,
	ALIAS: 5,
	POP: 6
};
/** @category Nodes */
var SCALAR_STYLE = {
	PLAIN: 1,
	SINGLE_QUOTED: 2,
	DOUBLE_QUOTED: 3,
	LITERAL_BLOCK: 4,
	FOLDED_BLOCK: 5
};
/** @category Nodes */
var COLLECTION_STYLE = {
	BLOCK: 1,
	FLOW: 2
};
/** @category Nodes */
var CHOMPING_MODE = {
	CLIP: 1,
	STRIP: 2,
	KEEP: 3
};
//#endregion
//#region src/parser/parser_scalar.ts
var NO_RANGE$3 = -1;
function simpleEscapeSequence(c) {
	switch (c) {
		case 48: return "\0";
		case 97: return "\x07";
		case 98: return "\b";
		case 116: return "	";
		case 9: return "	";
		case 110: return "\n";
		case 118: return "\v";
		case 102: return "\f";
		case 114: return "\r";
		case 101: return "\x1B";
		case 32: return " ";
		case 34: return "\"";
		case 47: return "/";
		case 92: return "\\";
		case 78: return "";
		case 95: return "\xA0";
		case 76: return "\u2028";
		case 80: return "\u2029";
		default: return "";
	}
}
var simpleEscapeCheck = new Array(256);
var simpleEscapeMap = new Array(256);
for (let i = 0; i < 256; i++) {
	simpleEscapeCheck[i] = simpleEscapeSequence(i) ? 1 : 0;
	simpleEscapeMap[i] = simpleEscapeSequence(i);
}
function charFromCodepoint(c) {
	if (c <= 65535) return String.fromCharCode(c);
	return String.fromCharCode((c - 65536 >> 10) + 55296, (c - 65536 & 1023) + 56320);
}
function fromHexCode$1(c) {
	if (c >= 48 && c <= 57) return c - 48;
	return (c | 32) - 97 + 10;
}
function escapedHexLen$1(c) {
	if (c === 120) return 2;
	if (c === 117) return 4;
	return 8;
}
function skipFoldedBreaks(input, position, end) {
	let breaks = 0;
	while (position < end) {
		const ch = input.charCodeAt(position);
		if (ch === 10) {
			breaks++;
			position++;
		} else if (ch === 13) {
			breaks++;
			position++;
			if (input.charCodeAt(position) === 10) position++;
		} else if (ch === 32 || ch === 9) position++;
		else break;
	}
	return {
		position,
		breaks
	};
}
function foldedBreaks(count) {
	if (count === 1) return " ";
	return "\n".repeat(count - 1);
}
function getPlainValue(input, start, end) {
	let result = "";
	let position = start;
	let captureStart = start;
	let captureEnd = start;
	while (position < end) {
		const ch = input.charCodeAt(position);
		if (ch === 10 || ch === 13) {
			result += input.slice(captureStart, captureEnd);
			const fold = skipFoldedBreaks(input, position, end);
			result += foldedBreaks(fold.breaks);
			position = captureStart = captureEnd = fold.position;
		} else {
			position++;
			if (ch !== 32 && ch !== 9) captureEnd = position;
		}
	}
	return result + input.slice(captureStart, captureEnd);
}
function getSingleQuotedValue(input, start, end) {
	let result = "";
	let position = start;
	let captureStart = start;
	let captureEnd = start;
	while (position < end) {
		const ch = input.charCodeAt(position);
		if (ch === 39) {
			result += input.slice(captureStart, position) + "'";
			position += 2;
			captureStart = captureEnd = position;
		} else if (ch === 10 || ch === 13) {
			result += input.slice(captureStart, captureEnd);
			const fold = skipFoldedBreaks(input, position, end);
			result += foldedBreaks(fold.breaks);
			position = captureStart = captureEnd = fold.position;
		} else {
			position++;
			if (ch !== 32 && ch !== 9) captureEnd = position;
		}
	}
	return result + input.slice(captureStart, end);
}
function getDoubleQuotedValue(input, start, end) {
	let result = "";
	let position = start;
	let captureStart = start;
	let captureEnd = start;
	while (position < end) {
		const ch = input.charCodeAt(position);
		if (ch === 92) {
			result += input.slice(captureStart, position);
			position++;
			const escaped = input.charCodeAt(position);
			if (escaped === 10 || escaped === 13) position = skipFoldedBreaks(input, position, end).position;
			else if (escaped < 256 && simpleEscapeCheck[escaped]) {
				result += simpleEscapeMap[escaped];
				position++;
			} else {
				let hexLength = escapedHexLen$1(escaped);
				let hexResult = 0;
				for (; hexLength > 0; hexLength--) {
					position++;
					const digit = fromHexCode$1(input.charCodeAt(position));
					hexResult = (hexResult << 4) + digit;
				}
				result += charFromCodepoint(hexResult);
				position++;
			}
			captureStart = captureEnd = position;
		} else if (ch === 10 || ch === 13) {
			result += input.slice(captureStart, captureEnd);
			const fold = skipFoldedBreaks(input, position, end);
			result += foldedBreaks(fold.breaks);
			position = captureStart = captureEnd = fold.position;
		} else {
			position++;
			if (ch !== 32 && ch !== 9) captureEnd = position;
		}
	}
	return result + input.slice(captureStart, end);
}
function getBlockValue(input, start, end, indent, chomping, folded) {
	const textIndent = indent < 0 ? 0 : indent;
	const region = input.slice(start, end).replace(/\r\n?/g, "\n");
	const lines = region === "" ? [] : (region.endsWith("\n") ? region.slice(0, -1) : region).split("\n");
	let result = "";
	let didReadContent = false;
	let emptyLines = 0;
	let atMoreIndented = false;
	for (const line of lines) {
		let column = 0;
		while (column < textIndent && line.charCodeAt(column) === 32) column++;
		if (indent < 0 || column >= line.length) {
			emptyLines++;
			continue;
		}
		const content = line.slice(textIndent);
		const first = content.charCodeAt(0);
		if (folded) {
			if (first === 32 || first === 9) {
				atMoreIndented = true;
				result += "\n".repeat(didReadContent ? 1 + emptyLines : emptyLines);
			} else if (atMoreIndented) {
				atMoreIndented = false;
				result += "\n".repeat(emptyLines + 1);
			} else if (emptyLines === 0) {
				if (didReadContent) result += " ";
			} else result += "\n".repeat(emptyLines);
		} else result += "\n".repeat(didReadContent ? 1 + emptyLines : emptyLines);
		result += content;
		didReadContent = true;
		emptyLines = 0;
	}
	if (chomping === CHOMPING_MODE.KEEP) result += "\n".repeat(didReadContent ? 1 + emptyLines : emptyLines);
	else if (chomping !== CHOMPING_MODE.STRIP) {
		if (didReadContent) result += "\n";
	}
	return result;
}
/**
* Decodes the scalar referenced by event offsets in `input`.
*
* @category Events
*/
function getScalarValue(input, scalar) {
	if (scalar.valueStart === NO_RANGE$3) return "";
	const { valueStart, valueEnd } = scalar;
	if (scalar.fast) return input.slice(valueStart, valueEnd);
	switch (scalar.style) {
		case SCALAR_STYLE.SINGLE_QUOTED: return getSingleQuotedValue(input, valueStart, valueEnd);
		case SCALAR_STYLE.DOUBLE_QUOTED: return getDoubleQuotedValue(input, valueStart, valueEnd);
		case SCALAR_STYLE.LITERAL_BLOCK: return getBlockValue(input, valueStart, valueEnd, scalar.indent, scalar.chomping, false);
		case SCALAR_STYLE.FOLDED_BLOCK: return getBlockValue(input, valueStart, valueEnd, scalar.indent, scalar.chomping, true);
		default: return getPlainValue(input, valueStart, valueEnd);
	}
}
//#endregion
//#region src/common/tagname.ts
var DEFAULT_TAG_HANDLERS = Object.assign(Object.create(null), {
	"!": "!",
	"!!": "tag:yaml.org,2002:"
});
function tagPercentDecode(source) {
	let result = "";
	let index = 0;
	while (index < source.length) {
		if (source.charCodeAt(index) !== 37) {
			result += source[index++];
			continue;
		}
		let ch = parseInt(source.slice(index + 1, index + 3), 16);
		index += 3;
		if (ch >= 192) {
			let remaining = ch < 224 ? 1 : ch < 240 ? 2 : 3;
			ch &= (1 << 6 - remaining) - 1;
			while (remaining-- > 0) {
				ch = ch << 6 | parseInt(source.slice(index + 1, index + 3), 16) & 63;
				index += 3;
			}
		}
		if (ch < 65536) result += String.fromCharCode(ch);
		else {
			ch -= 65536;
			result += String.fromCharCode(55296 | ch >> 10, 56320 | ch & 1023);
		}
	}
	return result;
}
function tagNameFull(rawTag, tagHandlers) {
	if (rawTag.startsWith("!<") && rawTag.endsWith(">")) return tagPercentDecode(rawTag.slice(2, -1));
	const handleEnd = rawTag.indexOf("!", 1);
	const handle = handleEnd === -1 ? "!" : rawTag.slice(0, handleEnd + 1);
	return tagPercentDecode(tagHandlers?.[handle] ?? DEFAULT_TAG_HANDLERS[handle] ?? handle) + tagPercentDecode(rawTag.slice(handle.length));
}
//#endregion
//#region src/parser/constructor.ts
var NO_RANGE$2 = -1;
var MERGE_TAG_NAME = "tag:yaml.org,2002:merge";
var DEFAULT_CONSTRUCTOR_OPTIONS = {
	filename: "",
	schema: CORE_SCHEMA,
	json: false,
	maxTotalMergeKeys: 1e4,
	maxAliases: -1
};
function eventPosition$1(event) {
	if ("tagStart" in event && event.tagStart !== NO_RANGE$2) return event.tagStart;
	if ("anchorStart" in event && event.anchorStart !== NO_RANGE$2) return event.anchorStart;
	if ("valueStart" in event && event.valueStart !== NO_RANGE$2) return event.valueStart;
	if ("start" in event) return event.start;
	return 0;
}
function throwError$1(state, message) {
	YAMLException.throwAt(state.source, state.position, message, state.filename);
}
function finalizeCollection(state, position, tag, carrier) {
	try {
		return tag.finalize(carrier);
	} catch (error) {
		if (error instanceof YAMLException) throw error;
		YAMLException.throwAt(state.source, position, error instanceof Error ? error.message : String(error), state.filename);
	}
}
function constructScalar(state, event) {
	const source = getScalarValue(state.source, event);
	const rawTag = event.tagStart === NO_RANGE$2 ? "" : state.source.slice(event.tagStart, event.tagEnd);
	const strTag = state.schema.defaultScalarTag;
	if (rawTag !== "") {
		if (rawTag === "!") return {
			value: source,
			tag: strTag
		};
		const tagName = tagNameFull(rawTag, state.tagHandlers);
		const scalarTag = state.schema.lookupScalarTag(tagName);
		if (scalarTag) {
			const result = scalarTag.resolve(source, true, tagName);
			if (result === NOT_RESOLVED) throwError$1(state, `cannot resolve a node with !<${tagName}> explicit tag`);
			return {
				value: result,
				tag: scalarTag
			};
		}
		const collectionTagDef = state.schema.lookupMappingTag(tagName) ?? state.schema.lookupSequenceTag(tagName);
		if (collectionTagDef) {
			if (source !== "") throwError$1(state, `cannot resolve a node with !<${tagName}> explicit tag`);
			const carrier = collectionTagDef.create(tagName);
			return {
				value: collectionTagDef.carrierIsResult ? carrier : finalizeCollection(state, state.position, collectionTagDef, carrier),
				tag: collectionTagDef
			};
		}
		throwError$1(state, `unknown scalar tag !<${tagName}>`);
	}
	if (event.style === SCALAR_STYLE.PLAIN) return state.schema.resolveImplicitScalarTag(source);
	return {
		value: strTag.resolve(source, false, strTag.tagName),
		tag: strTag
	};
}
function collectionTagName(state, event, defaultTagName) {
	const rawTag = event.tagStart === NO_RANGE$2 ? "" : state.source.slice(event.tagStart, event.tagEnd);
	return rawTag === "" || rawTag === "!" ? defaultTagName : tagNameFull(rawTag, state.tagHandlers);
}
function isMappingTag(tag) {
	return tag.nodeKind === "mapping";
}
function chargeMergeWork(state) {
	state.totalMergeKeys++;
	if (state.maxTotalMergeKeys !== -1 && state.totalMergeKeys > state.maxTotalMergeKeys) throwError$1(state, `merge keys exceeded maxTotalMergeKeys (${state.maxTotalMergeKeys})`);
}
function mergeKeys(state, frame, source, sourceTag) {
	chargeMergeWork(state);
	for (const sourceKey of sourceTag.keys(source)) {
		chargeMergeWork(state);
		if (frame.tag.has(frame.value, sourceKey)) continue;
		const err = frame.tag.addPair(frame.value, sourceKey, sourceTag.get(source, sourceKey));
		if (err) throwError$1(state, err);
		frame.overridable ??= /* @__PURE__ */ new Set();
		frame.overridable.add(sourceKey);
	}
}
function mergeSource(state, frame, source, sourceTag) {
	state.position = frame.keyPosition;
	if (isMappingTag(sourceTag)) mergeKeys(state, frame, source, sourceTag);
	else if (sourceTag.nodeKind === "sequence" && Array.isArray(source)) {
		if (source.length > 100) throwError$1(state, "abnormal merge sequence size");
		for (const element of source) {
			const elementTag = state.nodeTags.get(element);
			if (!elementTag) throwError$1(state, "cannot merge mappings; the provided source object is unacceptable");
			mergeKeys(state, frame, element, elementTag);
		}
	} else throwError$1(state, "cannot merge mappings; the provided source object is unacceptable");
}
function addMappingValue(state, frame, key, value, tag) {
	state.position = frame.keyPosition;
	if (frame.keyIsMerge) {
		mergeSource(state, frame, value, tag);
		return;
	}
	if (!state.json && frame.tag.has(frame.value, key) && !frame.overridable?.has(key)) throwError$1(state, "duplicated mapping key");
	const err = frame.tag.addPair(frame.value, key, value);
	if (err) throwError$1(state, err);
	frame.overridable?.delete(key);
}
function addValue(state, value, tag) {
	const frame = state.frames[state.frames.length - 1];
	if (frame.kind === "document") {
		frame.value = value;
		frame.hasValue = true;
	} else if (frame.kind === "sequence") {
		if (isMappingTag(tag)) state.nodeTags.set(value, tag);
		const err = frame.tag.addItem(frame.value, value, frame.index++);
		if (err) throwError$1(state, err);
	} else if (frame.hasKey) {
		const key = frame.key;
		frame.key = void 0;
		frame.hasKey = false;
		addMappingValue(state, frame, key, value, tag);
	} else {
		frame.key = value;
		frame.keyPosition = state.position;
		frame.hasKey = true;
		frame.keyIsMerge = tag.tagName === MERGE_TAG_NAME;
	}
}
function storeAnchor(state, event, value, tag, isValueFinal) {
	if (event.anchorStart !== NO_RANGE$2) {
		const anchor = {
			value,
			tag,
			isValueFinal
		};
		state.anchors.set(state.source.slice(event.anchorStart, event.anchorEnd), anchor);
		return anchor;
	}
	return null;
}
/**
* Constructs JavaScript documents directly from parser events, without an
* intermediate AST.
*
* @category Events
*/
function constructFromEvents(events, options) {
	const state = {
		...DEFAULT_CONSTRUCTOR_OPTIONS,
		...options,
		events,
		documents: [],
		eventIndex: 0,
		position: 0,
		frames: [],
		anchors: /* @__PURE__ */ new Map(),
		nodeTags: /* @__PURE__ */ new Map(),
		tagHandlers: Object.create(null),
		totalMergeKeys: 0,
		aliasCount: 0
	};
	while (state.eventIndex < state.events.length) {
		const event = state.events[state.eventIndex++];
		state.position = eventPosition$1(event);
		switch (event.type) {
			case EVENT_ID.DOCUMENT:
				state.anchors = /* @__PURE__ */ new Map();
				state.nodeTags = /* @__PURE__ */ new Map();
				state.aliasCount = 0;
				state.tagHandlers = Object.create(null);
				for (const directive of event.directives) if (directive.kind === "tag") state.tagHandlers[directive.handle] = directive.prefix;
				state.frames.push({
					kind: "document",
					position: state.position,
					value: void 0,
					hasValue: false
				});
				break;
			case EVENT_ID.SCALAR: {
				const { value, tag } = constructScalar(state, event);
				storeAnchor(state, event, value, tag, true);
				addValue(state, value, tag);
				break;
			}
			case EVENT_ID.SEQUENCE: {
				const tagName = collectionTagName(state, event, "tag:yaml.org,2002:seq");
				const tag = state.schema.lookupSequenceTag(tagName);
				if (!tag) throwError$1(state, `unknown sequence tag !<${tagName}>`);
				const value = tag.create(tagName);
				const anchor = storeAnchor(state, event, value, tag, tag.carrierIsResult);
				state.frames.push({
					kind: "sequence",
					position: state.position,
					value,
					tag,
					anchor,
					index: 0
				});
				break;
			}
			case EVENT_ID.MAPPING: {
				const tagName = collectionTagName(state, event, "tag:yaml.org,2002:map");
				const tag = state.schema.lookupMappingTag(tagName);
				if (!tag) throwError$1(state, `unknown mapping tag !<${tagName}>`);
				const value = tag.create(tagName);
				const anchor = storeAnchor(state, event, value, tag, tag.carrierIsResult);
				state.frames.push({
					kind: "mapping",
					position: state.position,
					value,
					tag,
					anchor,
					key: void 0,
					keyPosition: state.position,
					hasKey: false,
					keyIsMerge: false,
					overridable: null
				});
				break;
			}
			case EVENT_ID.ALIAS: {
				if (state.maxAliases !== -1 && ++state.aliasCount > state.maxAliases) throwError$1(state, `aliases exceeded maxAliases (${state.maxAliases})`);
				const name = state.source.slice(event.anchorStart, event.anchorEnd);
				const anchor = state.anchors.get(name);
				if (!anchor) throwError$1(state, `unidentified alias "${name}"`);
				if (!anchor.isValueFinal) throwError$1(state, `recursive alias "${name}" is not supported for tag ${anchor.tag.tagName} because it uses finalize()`);
				addValue(state, anchor.value, anchor.tag);
				break;
			}
			case EVENT_ID.POP: {
				const frame = state.frames.pop();
				if (frame.kind === "mapping" && frame.hasKey) {
					state.position = frame.keyPosition;
					throwError$1(state, "incomplete mapping pair in event stream");
				}
				if (frame.kind === "document") state.documents.push(frame.value);
				else {
					const value = frame.tag.carrierIsResult ? frame.value : finalizeCollection(state, frame.position, frame.tag, frame.value);
					if (frame.anchor) {
						frame.anchor.value = value;
						frame.anchor.isValueFinal = true;
					}
					addValue(state, value, frame.tag);
				}
				break;
			}
		}
	}
	return state.documents;
}
//#endregion
//#region src/parser/parser.ts
var NO_RANGE$1$1 = -1;
var HAS_OWN$1 = Object.prototype.hasOwnProperty;
var CONTEXT_FLOW_IN$1 = 1;
var CONTEXT_FLOW_OUT$1 = 2;
var CONTEXT_BLOCK_IN$1 = 3;
var CONTEXT_BLOCK_OUT$1 = 4;
var PATTERN_NON_PRINTABLE$1 = /[\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x84\x86-\x9F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?:[^\uD800-\uDBFF]|^)[\uDC00-\uDFFF]/;
var PATTERN_FLOW_INDICATORS$1 = /[,\[\]{}]/;
var PATTERN_TAG_HANDLE$1 = /^(?:!|!!|![0-9A-Za-z-]+!)$/;
var NS_URI_CHAR$1 = String.raw`(?:%[0-9A-Fa-f]{2}|[0-9A-Za-z\-#;/?:@&=+$,_.!~*'()\[\]])`;
var NS_TAG_CHAR$1 = String.raw`(?:%[0-9A-Fa-f]{2}|[0-9A-Za-z\-#;/?:@&=+$.~*'()_])`;
var PATTERN_TAG_URI$1 = new RegExp(`^(?:${NS_URI_CHAR$1})*$`);
var PATTERN_TAG_SUFFIX$1 = new RegExp(`^(?:${NS_TAG_CHAR$1})+$`);
var PATTERN_TAG_PREFIX$1 = new RegExp(`^(?:!(?:${NS_URI_CHAR$1})*|${NS_TAG_CHAR$1}(?:${NS_URI_CHAR$1})*)$`);
var DEFAULT_PARSER_OPTIONS$1 = {
	filename: "",
	maxDepth: 100
};
function addDocumentEvent$1(state, explicitStart, explicitEnd) {
	state.events.push({
		type: EVENT_ID.DOCUMENT,
		explicitStart,
		explicitEnd,
		directives: state.directives
	});
}
function addSequenceEvent$1(state, start, anchorStart, anchorEnd, tagStart, tagEnd, style) {
	state.events.push({
		type: EVENT_ID.SEQUENCE,
		start,
		anchorStart,
		anchorEnd,
		tagStart,
		tagEnd,
		style
	});
}
function addMappingEvent$1(state, start, anchorStart, anchorEnd, tagStart, tagEnd, style) {
	state.events.push({
		type: EVENT_ID.MAPPING,
		start,
		anchorStart,
		anchorEnd,
		tagStart,
		tagEnd,
		style
	});
}
function insertFlowPairMappingEvent$1(state, snapshot) {
	state.events.splice(snapshot.eventsLength, 0, {
		type: EVENT_ID.MAPPING,
		start: snapshot.position,
		anchorStart: NO_RANGE$1$1,
		anchorEnd: NO_RANGE$1$1,
		tagStart: NO_RANGE$1$1,
		tagEnd: NO_RANGE$1$1,
		style: COLLECTION_STYLE.FLOW
	});
}
function addScalarEvent$1(state, valueStart, valueEnd, anchorStart, anchorEnd, tagStart, tagEnd, style, chomping = CHOMPING_MODE.CLIP, indent = -1, fast = false) {
	state.events.push({
		type: EVENT_ID.SCALAR,
		valueStart,
		valueEnd,
		anchorStart,
		anchorEnd,
		tagStart,
		tagEnd,
		style,
		chomping,
		indent,
		fast
	});
}
function addAliasEvent$1(state, anchorStart, anchorEnd) {
	state.events.push({
		type: EVENT_ID.ALIAS,
		anchorStart,
		anchorEnd
	});
}
function addPopEvent$1(state) {
	state.events.push({ type: EVENT_ID.POP });
}
function addEmptyScalarEvent$1(state) {
	addScalarEvent$1(state, NO_RANGE$1$1, NO_RANGE$1$1, NO_RANGE$1$1, NO_RANGE$1$1, NO_RANGE$1$1, NO_RANGE$1$1, SCALAR_STYLE.PLAIN);
}
function emptyProperties$1() {
	return {
		anchorStart: NO_RANGE$1$1,
		anchorEnd: NO_RANGE$1$1,
		tagStart: NO_RANGE$1$1,
		tagEnd: NO_RANGE$1$1
	};
}
function snapshotState$1(state) {
	return {
		position: state.position,
		line: state.line,
		lineStart: state.lineStart,
		lineIndent: state.lineIndent,
		firstTabInLine: state.firstTabInLine,
		eventsLength: state.events.length
	};
}
function restoreState$1(state, snapshot) {
	state.position = snapshot.position;
	state.line = snapshot.line;
	state.lineStart = snapshot.lineStart;
	state.lineIndent = snapshot.lineIndent;
	state.firstTabInLine = snapshot.firstTabInLine;
	state.events.length = snapshot.eventsLength;
}
function throwError$2(state, message) {
	YAMLException.throwAt(state.input.slice(0, state.length), state.position, message, state.filename);
}
function isEol$1(c) {
	return c === 10 || c === 13;
}
function isWhiteSpace$1(c) {
	return c === 9 || c === 32;
}
function isWsOrEol$1(c) {
	return isWhiteSpace$1(c) || isEol$1(c);
}
function isWsOrEolOrEnd$1(c) {
	return c === 0 || isWsOrEol$1(c);
}
function isFlowIndicator$1(c) {
	return c === 44 || c === 91 || c === 93 || c === 123 || c === 125;
}
function fromDecimalCode$1(c) {
	return c >= 48 && c <= 57 ? c - 48 : -1;
}
function fromHexCode$2(c) {
	if (c >= 48 && c <= 57) return c - 48;
	const lc = c | 32;
	if (lc >= 97 && lc <= 102) return lc - 97 + 10;
	return -1;
}
function escapedHexLen$2(c) {
	if (c === 120) return 2;
	if (c === 117) return 4;
	if (c === 85) return 8;
	return 0;
}
function isSimpleEscape$1(c) {
	return c === 48 || c === 97 || c === 98 || c === 116 || c === 9 || c === 110 || c === 118 || c === 102 || c === 114 || c === 101 || c === 32 || c === 34 || c === 47 || c === 92 || c === 78 || c === 95 || c === 76 || c === 80;
}
function consumeLineBreak$1(state) {
	if (state.input.charCodeAt(state.position) === 10) state.position++;
	else {
		state.position++;
		if (state.input.charCodeAt(state.position) === 10) state.position++;
	}
	state.line++;
	state.lineStart = state.position;
	state.lineIndent = 0;
	state.firstTabInLine = -1;
}
function skipSeparationSpace$1(state, allowComments) {
	let lineBreaks = 0;
	let ch = state.input.charCodeAt(state.position);
	let hasSeparation = state.position === state.lineStart || isWsOrEol$1(state.input.charCodeAt(state.position - 1));
	while (ch !== 0) {
		while (isWhiteSpace$1(ch)) {
			hasSeparation = true;
			if (ch === 9 && state.firstTabInLine === -1) state.firstTabInLine = state.position;
			ch = state.input.charCodeAt(++state.position);
		}
		if (allowComments && hasSeparation && ch === 35) do
			ch = state.input.charCodeAt(++state.position);
		while (!isEol$1(ch) && ch !== 0);
		if (!isEol$1(ch)) break;
		consumeLineBreak$1(state);
		lineBreaks++;
		hasSeparation = true;
		ch = state.input.charCodeAt(state.position);
		while (ch === 32) {
			state.lineIndent++;
			ch = state.input.charCodeAt(++state.position);
		}
	}
	return lineBreaks;
}
function testDocumentSeparator$1(state, position = state.position) {
	const ch = state.input.charCodeAt(position);
	if ((ch === 45 || ch === 46) && ch === state.input.charCodeAt(position + 1) && ch === state.input.charCodeAt(position + 2)) {
		const following = state.input.charCodeAt(position + 3);
		return following === 0 || isWsOrEol$1(following);
	}
	return false;
}
function skipByteOrderMark$1(state) {
	if (state.position === state.lineStart && state.input.charCodeAt(state.position) === 65279) {
		state.position++;
		state.lineStart = state.position;
	}
}
function testDocumentBoundary$1(state) {
	if (state.position !== state.lineStart) return false;
	if (testDocumentSeparator$1(state)) return true;
	if (state.input.charCodeAt(state.position) !== 65279) return false;
	const snapshot = snapshotState$1(state);
	skipByteOrderMark$1(state);
	skipSeparationSpace$1(state, true);
	const ch = state.input.charCodeAt(state.position);
	const result = state.position === state.lineStart && (ch === 37 || ch === 45 && testDocumentSeparator$1(state));
	restoreState$1(state, snapshot);
	return result;
}
function skipUntilLineEnd$1(state) {
	let ch = state.input.charCodeAt(state.position);
	while (ch !== 0 && !isEol$1(ch)) ch = state.input.charCodeAt(++state.position);
}
function checkPrintable$1(state, start, end) {
	const match = PATTERN_NON_PRINTABLE$1.exec(state.input.slice(start, end));
	if (match !== null) {
		state.position = start + match.index + match[0].length - 1;
		throwError$2(state, "the stream contains non-printable characters");
	}
}
function readTagProperty$1(state, props, inFlow) {
	if (state.input.charCodeAt(state.position) !== 33) return false;
	if (props.tagStart !== NO_RANGE$1$1) throwError$2(state, "duplication of a tag property");
	const start = state.position;
	let isVerbatim = false;
	let isNamed = false;
	let tagHandle = "!";
	let ch = state.input.charCodeAt(++state.position);
	if (ch === 60) {
		isVerbatim = true;
		ch = state.input.charCodeAt(++state.position);
	} else if (ch === 33) {
		isNamed = true;
		tagHandle = "!!";
		ch = state.input.charCodeAt(++state.position);
	}
	let suffixStart = state.position;
	let tagName;
	if (isVerbatim) {
		while (ch !== 0 && ch !== 62) ch = state.input.charCodeAt(++state.position);
		if (ch !== 62) throwError$2(state, "unexpected end of the stream within a verbatim tag");
		tagName = state.input.slice(suffixStart, state.position);
		state.position++;
	} else {
		while (ch !== 0 && !isWsOrEol$1(ch) && !(inFlow && isFlowIndicator$1(ch))) {
			if (ch === 33) {
				if (!isNamed) {
					tagHandle = state.input.slice(suffixStart - 1, state.position + 1);
					if (!PATTERN_TAG_HANDLE$1.test(tagHandle)) throwError$2(state, "named tag handle cannot contain such characters");
					isNamed = true;
					suffixStart = state.position + 1;
				} else throwError$2(state, "tag suffix cannot contain exclamation marks");
			}
			ch = state.input.charCodeAt(++state.position);
		}
		tagName = state.input.slice(suffixStart, state.position);
		if (PATTERN_FLOW_INDICATORS$1.test(tagName)) throwError$2(state, "tag suffix cannot contain flow indicator characters");
	}
	if (tagName && !(isVerbatim ? PATTERN_TAG_URI$1.test(tagName) : PATTERN_TAG_SUFFIX$1.test(tagName))) throwError$2(state, `tag name cannot contain such characters: ${tagName}`);
	if (!isVerbatim && tagHandle !== "!" && tagHandle !== "!!" && !HAS_OWN$1.call(state.tagHandlers, tagHandle)) throwError$2(state, `undeclared tag handle "${tagHandle}"`);
	props.tagStart = start;
	props.tagEnd = state.position;
	return true;
}
function readAnchorProperty$1(state, props) {
	if (state.input.charCodeAt(state.position) !== 38) return false;
	if (props.anchorStart !== NO_RANGE$1$1) throwError$2(state, "duplication of an anchor property");
	state.position++;
	const start = state.position;
	while (state.input.charCodeAt(state.position) !== 0 && !isWsOrEol$1(state.input.charCodeAt(state.position)) && !isFlowIndicator$1(state.input.charCodeAt(state.position))) state.position++;
	if (state.position === start) throwError$2(state, "name of an anchor node must contain at least one character");
	props.anchorStart = start;
	props.anchorEnd = state.position;
	return true;
}
function readAlias$1(state, props) {
	if (state.input.charCodeAt(state.position) !== 42) return false;
	if (props.anchorStart !== NO_RANGE$1$1 || props.tagStart !== NO_RANGE$1$1) throwError$2(state, "alias node should not have any properties");
	state.position++;
	const start = state.position;
	while (state.input.charCodeAt(state.position) !== 0 && !isWsOrEol$1(state.input.charCodeAt(state.position)) && !isFlowIndicator$1(state.input.charCodeAt(state.position))) state.position++;
	if (state.position === start) throwError$2(state, "name of an alias node must contain at least one character");
	addAliasEvent$1(state, start, state.position);
	return true;
}
function readFlowScalarBreak$1(state, nodeIndent) {
	skipSeparationSpace$1(state, false);
	if (state.lineIndent < nodeIndent) throwError$2(state, "deficient indentation");
}
function readSingleQuotedScalar$1(state, nodeIndent, props) {
	if (state.input.charCodeAt(state.position) !== 39) return false;
	state.position++;
	const start = state.position;
	let simple = true;
	while (state.input.charCodeAt(state.position) !== 0) {
		const ch = state.input.charCodeAt(state.position);
		if (ch === 39) {
			if (state.input.charCodeAt(state.position + 1) === 39) {
				simple = false;
				state.position += 2;
				continue;
			}
			const end = state.position;
			state.position++;
			addScalarEvent$1(state, start, end, props.anchorStart, props.anchorEnd, props.tagStart, props.tagEnd, SCALAR_STYLE.SINGLE_QUOTED, CHOMPING_MODE.CLIP, -1, simple);
			return true;
		}
		if (isEol$1(ch)) {
			simple = false;
			readFlowScalarBreak$1(state, nodeIndent);
		} else if (state.position === state.lineStart && testDocumentSeparator$1(state)) throwError$2(state, "unexpected end of the document within a single quoted scalar");
		else if (ch !== 9 && ch < 32) throwError$2(state, "expected valid JSON character");
		else state.position++;
	}
	throwError$2(state, "unexpected end of the stream within a single quoted scalar");
}
function readDoubleQuotedScalar$1(state, nodeIndent, props) {
	if (state.input.charCodeAt(state.position) !== 34) return false;
	state.position++;
	const start = state.position;
	let simple = true;
	while (state.input.charCodeAt(state.position) !== 0) {
		const ch = state.input.charCodeAt(state.position);
		if (ch === 34) {
			const end = state.position;
			state.position++;
			addScalarEvent$1(state, start, end, props.anchorStart, props.anchorEnd, props.tagStart, props.tagEnd, SCALAR_STYLE.DOUBLE_QUOTED, CHOMPING_MODE.CLIP, -1, simple);
			return true;
		}
		if (ch === 92) {
			simple = false;
			const escaped = state.input.charCodeAt(++state.position);
			if (isEol$1(escaped)) readFlowScalarBreak$1(state, nodeIndent);
			else if (isSimpleEscape$1(escaped)) state.position++;
			else {
				let hexLength = escapedHexLen$2(escaped);
				if (hexLength === 0) throwError$2(state, "unknown escape sequence");
				while (hexLength-- > 0) {
					state.position++;
					if (fromHexCode$2(state.input.charCodeAt(state.position)) < 0) throwError$2(state, "expected hexadecimal character");
				}
				state.position++;
			}
		} else if (isEol$1(ch)) {
			simple = false;
			readFlowScalarBreak$1(state, nodeIndent);
		} else if (state.position === state.lineStart && testDocumentSeparator$1(state)) throwError$2(state, "unexpected end of the document within a double quoted scalar");
		else if (ch !== 9 && ch < 32) throwError$2(state, "expected valid JSON character");
		else state.position++;
	}
	throwError$2(state, "unexpected end of the stream within a double quoted scalar");
}
function readBlockScalar$1(state, parentIndent, props) {
	const ch = state.input.charCodeAt(state.position);
	let chomping = CHOMPING_MODE.CLIP;
	let indent = -1;
	let detectedIndent = false;
	if (ch !== 124 && ch !== 62) return false;
	const style = ch === 124 ? SCALAR_STYLE.LITERAL_BLOCK : SCALAR_STYLE.FOLDED_BLOCK;
	state.position++;
	while (state.input.charCodeAt(state.position) !== 0) {
		const current = state.input.charCodeAt(state.position);
		const digit = fromDecimalCode$1(current);
		if (current === 43 || current === 45) {
			if (chomping !== CHOMPING_MODE.CLIP) throwError$2(state, "repeat of a chomping mode identifier");
			chomping = current === 43 ? CHOMPING_MODE.KEEP : CHOMPING_MODE.STRIP;
			state.position++;
		} else if (digit >= 0) {
			if (digit === 0) throwError$2(state, "bad explicit indentation width of a block scalar; it cannot be less than one");
			if (detectedIndent) throwError$2(state, "repeat of an indentation width identifier");
			indent = parentIndent + digit - 1;
			detectedIndent = true;
			state.position++;
		} else break;
	}
	let hadWhitespace = false;
	while (isWhiteSpace$1(state.input.charCodeAt(state.position))) {
		hadWhitespace = true;
		state.position++;
	}
	if (hadWhitespace && state.input.charCodeAt(state.position) === 35) skipUntilLineEnd$1(state);
	if (isEol$1(state.input.charCodeAt(state.position))) consumeLineBreak$1(state);
	else if (state.input.charCodeAt(state.position) !== 0) throwError$2(state, "a line break is expected");
	let contentIndent = detectedIndent ? indent : -1;
	let maxLeadingIndent = 0;
	const valueStart = state.position;
	let valueEnd = state.position;
	while (state.input.charCodeAt(state.position) !== 0) {
		const linePosition = state.position;
		let column = 0;
		while (state.input.charCodeAt(linePosition + column) === 32) column++;
		const first = state.input.charCodeAt(linePosition + column);
		if (first === 0) {
			if (contentIndent >= 0) {
				if (column > contentIndent) valueEnd = linePosition + column;
			} else if (column > 0) valueEnd = linePosition + column;
			break;
		}
		if (testDocumentBoundary$1(state)) break;
		if (!detectedIndent && contentIndent === -1 && isEol$1(first)) maxLeadingIndent = Math.max(maxLeadingIndent, column);
		if (!detectedIndent && contentIndent === -1 && !isEol$1(first)) {
			if (first === 9 && column < parentIndent) {
				state.position = linePosition + column;
				throwError$2(state, "tab characters must not be used in indentation");
			}
			if (column >= parentIndent && column < maxLeadingIndent) {
				state.position = linePosition + column;
				throwError$2(state, "bad indentation of a mapping entry");
			}
		}
		if (contentIndent === -1 && first !== 0 && !isEol$1(first) && column < parentIndent) {
			state.lineIndent = column;
			state.position = linePosition + column;
			break;
		}
		if (!detectedIndent && first !== 0 && !isEol$1(first) && contentIndent === -1) contentIndent = column;
		const requiredIndent = contentIndent === -1 ? parentIndent + 1 : contentIndent;
		if (first !== 0 && !isEol$1(first) && column < requiredIndent) {
			state.lineIndent = column;
			state.position = linePosition + column;
			break;
		}
		skipUntilLineEnd$1(state);
		valueEnd = state.position;
		if (isEol$1(state.input.charCodeAt(state.position))) {
			consumeLineBreak$1(state);
			valueEnd = state.position;
		}
	}
	checkPrintable$1(state, valueStart, valueEnd);
	addScalarEvent$1(state, valueStart, valueEnd, props.anchorStart, props.anchorEnd, props.tagStart, props.tagEnd, style, chomping, contentIndent);
	return true;
}
function canStartPlainScalar$1(state, nodeContext) {
	const ch = state.input.charCodeAt(state.position);
	const inFlow = nodeContext === CONTEXT_FLOW_IN$1;
	if (ch === 0 || isWsOrEol$1(ch) || ch === 35 || ch === 38 || ch === 42 || ch === 33 || ch === 124 || ch === 62 || ch === 39 || ch === 34 || ch === 37 || ch === 64 || ch === 96 || isFlowIndicator$1(ch)) return false;
	if (ch === 63 || ch === 45) {
		const following = state.input.charCodeAt(state.position + 1);
		if (isWsOrEolOrEnd$1(following) || inFlow && isFlowIndicator$1(following)) return false;
	}
	return true;
}
function readPlainScalar$1(state, nodeIndent, nodeContext, props) {
	if (!canStartPlainScalar$1(state, nodeContext)) return false;
	const start = state.position;
	let end = state.position;
	let ch = state.input.charCodeAt(state.position);
	const inFlow = nodeContext === CONTEXT_FLOW_IN$1;
	let multiline = false;
	while (ch !== 0) {
		if (testDocumentBoundary$1(state)) break;
		if (ch === 58) {
			const following = state.input.charCodeAt(state.position + 1);
			if (isWsOrEolOrEnd$1(following) || inFlow && isFlowIndicator$1(following)) break;
		} else if (ch === 35) {
			if (isWsOrEol$1(state.input.charCodeAt(state.position - 1))) break;
		} else if (inFlow && isFlowIndicator$1(ch)) break;
		else if (isEol$1(ch)) {
			const savedPosition = state.position;
			const savedLine = state.line;
			const savedLineStart = state.lineStart;
			const savedLineIndent = state.lineIndent;
			skipSeparationSpace$1(state, false);
			if (state.lineIndent >= nodeIndent) {
				multiline = true;
				ch = state.input.charCodeAt(state.position);
				continue;
			}
			state.position = savedPosition;
			state.line = savedLine;
			state.lineStart = savedLineStart;
			state.lineIndent = savedLineIndent;
			break;
		}
		if (!isWhiteSpace$1(ch)) end = state.position + 1;
		ch = state.input.charCodeAt(++state.position);
	}
	if (end === start) return false;
	checkPrintable$1(state, start, end);
	addScalarEvent$1(state, start, end, props.anchorStart, props.anchorEnd, props.tagStart, props.tagEnd, SCALAR_STYLE.PLAIN, CHOMPING_MODE.CLIP, -1, !multiline);
	return true;
}
function skipFlowSeparationSpace$1(state, nodeIndent) {
	const startLine = state.line;
	skipSeparationSpace$1(state, true);
	if (state.line > startLine && state.lineIndent < nodeIndent || state.firstTabInLine !== -1 && state.lineIndent < nodeIndent) throwError$2(state, "deficient indentation");
}
function readFlowCollection$1(state, nodeIndent, props) {
	const ch = state.input.charCodeAt(state.position);
	const isMapping = ch === 123;
	const start = state.position;
	let readNext = true;
	if (ch !== 91 && ch !== 123) return false;
	const terminator = isMapping ? 125 : 93;
	if (isMapping) addMappingEvent$1(state, start, props.anchorStart, props.anchorEnd, props.tagStart, props.tagEnd, COLLECTION_STYLE.FLOW);
	else addSequenceEvent$1(state, start, props.anchorStart, props.anchorEnd, props.tagStart, props.tagEnd, COLLECTION_STYLE.FLOW);
	state.position++;
	while (state.input.charCodeAt(state.position) !== 0) {
		skipFlowSeparationSpace$1(state, nodeIndent);
		let ch = state.input.charCodeAt(state.position);
		if (ch === terminator) {
			state.position++;
			addPopEvent$1(state);
			return true;
		} else if (!readNext) throwError$2(state, "missed comma between flow collection entries");
		else if (ch === 44) throwError$2(state, "expected the node content, but found ','");
		let isPair = false;
		let isExplicitPair = false;
		if (ch === 63 && isWsOrEol$1(state.input.charCodeAt(state.position + 1))) {
			isPair = isExplicitPair = true;
			state.position += 1;
			skipFlowSeparationSpace$1(state, nodeIndent);
		}
		const entryLine = state.line;
		const entryStart = snapshotState$1(state);
		const keyWasRead = parseNode$1(state, nodeIndent, CONTEXT_FLOW_IN$1, false, true);
		skipFlowSeparationSpace$1(state, nodeIndent);
		ch = state.input.charCodeAt(state.position);
		if ((isMapping || isExplicitPair || state.line === entryLine) && ch === 58) {
			isPair = true;
			state.position++;
			skipFlowSeparationSpace$1(state, nodeIndent);
			if (!isMapping) {
				insertFlowPairMappingEvent$1(state, entryStart);
				if (!keyWasRead) addEmptyScalarEvent$1(state);
			} else if (!keyWasRead) addEmptyScalarEvent$1(state);
			if (!parseNode$1(state, nodeIndent, CONTEXT_FLOW_IN$1, false, true)) addEmptyScalarEvent$1(state);
			skipFlowSeparationSpace$1(state, nodeIndent);
			if (!isMapping) addPopEvent$1(state);
		} else if (isMapping && isPair) {
			if (!keyWasRead) addEmptyScalarEvent$1(state);
			addEmptyScalarEvent$1(state);
		} else if (isMapping) addEmptyScalarEvent$1(state);
		else if (isPair) {
			insertFlowPairMappingEvent$1(state, entryStart);
			if (!keyWasRead) addEmptyScalarEvent$1(state);
			addEmptyScalarEvent$1(state);
			addPopEvent$1(state);
		}
		ch = state.input.charCodeAt(state.position);
		if (ch === 44) {
			readNext = true;
			state.position++;
		} else readNext = false;
	}
	throwError$2(state, "unexpected end of the stream within a flow collection");
}
function readBlockSequence$1(state, nodeIndent, props) {
	if (state.firstTabInLine !== -1 || state.input.charCodeAt(state.position) !== 45 || !isWsOrEolOrEnd$1(state.input.charCodeAt(state.position + 1))) return false;
	addSequenceEvent$1(state, state.position, props.anchorStart, props.anchorEnd, props.tagStart, props.tagEnd, COLLECTION_STYLE.BLOCK);
	while (state.input.charCodeAt(state.position) === 45 && isWsOrEolOrEnd$1(state.input.charCodeAt(state.position + 1))) {
		if (state.firstTabInLine !== -1) {
			state.position = state.firstTabInLine;
			throwError$2(state, "tab characters must not be used in indentation");
		}
		const entryLine = state.line;
		state.position++;
		const hadBreak = skipSeparationSpace$1(state, true) > 0;
		if (state.firstTabInLine !== -1 && state.input.charCodeAt(state.position) === 45 && isWsOrEolOrEnd$1(state.input.charCodeAt(state.position + 1))) throwError$2(state, "bad indentation of a sequence entry");
		if (hadBreak && state.lineIndent <= nodeIndent) addEmptyScalarEvent$1(state);
		else parseNode$1(state, nodeIndent, CONTEXT_BLOCK_IN$1, false, true);
		skipSeparationSpace$1(state, true);
		if (state.lineIndent < nodeIndent || state.position >= state.length) break;
		if (state.lineIndent > nodeIndent) throwError$2(state, "bad indentation of a sequence entry");
		if (state.line === entryLine && state.input.charCodeAt(state.position) === 45 && isWsOrEolOrEnd$1(state.input.charCodeAt(state.position + 1))) throwError$2(state, "bad indentation of a sequence entry");
	}
	addPopEvent$1(state);
	return true;
}
function readBlockMapping$1(state, nodeIndent, flowIndent, props) {
	let atExplicitKey = false;
	let detected = false;
	let mappingOpened = false;
	let pendingExplicitKey = false;
	if (state.firstTabInLine !== -1) return false;
	let ch = state.input.charCodeAt(state.position);
	while (ch !== 0) {
		if (!atExplicitKey && state.firstTabInLine !== -1) {
			state.position = state.firstTabInLine;
			throwError$2(state, "tab characters must not be used in indentation");
		}
		const following = state.input.charCodeAt(state.position + 1);
		const entryLine = state.line;
		if ((ch === 63 || ch === 58) && isWsOrEolOrEnd$1(following)) {
			if (!mappingOpened) {
				addMappingEvent$1(state, state.position, props.anchorStart, props.anchorEnd, props.tagStart, props.tagEnd, COLLECTION_STYLE.BLOCK);
				mappingOpened = true;
			}
			if (ch === 63) {
				if (atExplicitKey) addEmptyScalarEvent$1(state);
				detected = true;
				atExplicitKey = true;
			} else if (atExplicitKey) atExplicitKey = false;
			else {
				addEmptyScalarEvent$1(state);
				detected = true;
				atExplicitKey = false;
			}
			state.position += 1;
			pendingExplicitKey = true;
		} else {
			if (atExplicitKey) {
				addEmptyScalarEvent$1(state);
				atExplicitKey = false;
			}
			const beforeKey = snapshotState$1(state);
			if (!parseNode$1(state, flowIndent, CONTEXT_FLOW_OUT$1, false, true)) break;
			if (state.line === entryLine) {
				ch = state.input.charCodeAt(state.position);
				while (isWhiteSpace$1(ch)) ch = state.input.charCodeAt(++state.position);
				if (ch === 58) {
					ch = state.input.charCodeAt(++state.position);
					if (!isWsOrEolOrEnd$1(ch)) throwError$2(state, "a whitespace character is expected after the key-value separator within a block mapping");
					if (!mappingOpened) {
						state.events.splice(beforeKey.eventsLength, 0, {
							type: EVENT_ID.MAPPING,
							start: beforeKey.position,
							anchorStart: props.anchorStart,
							anchorEnd: props.anchorEnd,
							tagStart: props.tagStart,
							tagEnd: props.tagEnd,
							style: COLLECTION_STYLE.BLOCK
						});
						mappingOpened = true;
					}
					detected = true;
					atExplicitKey = false;
					pendingExplicitKey = false;
				} else if (detected) throwError$2(state, "expected ':' after a mapping key");
				else {
					if (props.anchorStart !== NO_RANGE$1$1 || props.tagStart !== NO_RANGE$1$1) {
						restoreState$1(state, beforeKey);
						return false;
					}
					return true;
				}
			} else if (detected) throwError$2(state, "can not read a block mapping entry; a multiline key may not be an implicit key");
			else {
				if (props.anchorStart !== NO_RANGE$1$1 || props.tagStart !== NO_RANGE$1$1) {
					restoreState$1(state, beforeKey);
					return false;
				}
				return true;
			}
		}
		if (parseNode$1(state, nodeIndent, CONTEXT_BLOCK_OUT$1, true, pendingExplicitKey)) pendingExplicitKey = false;
		if (!atExplicitKey) {
			if (pendingExplicitKey) {
				addEmptyScalarEvent$1(state);
				pendingExplicitKey = false;
			}
		}
		skipSeparationSpace$1(state, true);
		ch = state.input.charCodeAt(state.position);
		if ((state.line === entryLine || state.lineIndent > nodeIndent) && ch !== 0) throwError$2(state, "bad indentation of a mapping entry");
		else if (state.lineIndent < nodeIndent) break;
	}
	if (!detected) return false;
	if (atExplicitKey) addEmptyScalarEvent$1(state);
	if (mappingOpened) addPopEvent$1(state);
	return true;
}
function parseNode$1(state, parentIndent, nodeContext, allowToSeek, allowCompact, allowPropertyMapping = true) {
	if (state.depth >= state.maxDepth) throwError$2(state, `nesting exceeded maxDepth (${state.maxDepth})`);
	state.depth++;
	let indentStatus = 1;
	let atNewLine = false;
	let hasContent = false;
	let propertyStart = null;
	const props = emptyProperties$1();
	let allowBlockScalars = nodeContext === CONTEXT_BLOCK_OUT$1 || nodeContext === CONTEXT_BLOCK_IN$1;
	let allowBlockCollections = allowBlockScalars;
	const allowBlockStyles = allowBlockScalars;
	if (allowToSeek && skipSeparationSpace$1(state, true)) {
		atNewLine = true;
		if (state.lineIndent > parentIndent) indentStatus = 1;
		else if (state.lineIndent === parentIndent) indentStatus = 0;
		else indentStatus = -1;
	}
	if (indentStatus === 1) while (true) {
		const ch = state.input.charCodeAt(state.position);
		const propertyState = snapshotState$1(state);
		if (atNewLine && indentStatus !== 1 && (ch === 33 || ch === 38)) break;
		if (atNewLine && allowBlockStyles && (props.tagStart !== NO_RANGE$1$1 || props.anchorStart !== NO_RANGE$1$1) && (ch === 33 || ch === 38)) {
			const fallbackState = snapshotState$1(state);
			const flowIndent = parentIndent + 1;
			if (readBlockMapping$1(state, state.position - state.lineStart, flowIndent, props) && state.events[fallbackState.eventsLength]?.type === EVENT_ID.MAPPING) {
				state.depth--;
				return true;
			}
			restoreState$1(state, fallbackState);
		}
		if (atNewLine && (ch === 33 && props.tagStart !== NO_RANGE$1$1 || ch === 38 && props.anchorStart !== NO_RANGE$1$1)) break;
		if (!readTagProperty$1(state, props, nodeContext === CONTEXT_FLOW_IN$1) && !readAnchorProperty$1(state, props)) break;
		if (propertyStart === null) propertyStart = propertyState;
		if (skipSeparationSpace$1(state, true)) {
			atNewLine = true;
			allowBlockCollections = allowBlockStyles;
			if (state.lineIndent > parentIndent) indentStatus = 1;
			else if (state.lineIndent === parentIndent) indentStatus = 0;
			else indentStatus = -1;
		} else allowBlockCollections = false;
	}
	if (allowBlockCollections) allowBlockCollections = atNewLine || allowCompact;
	if (indentStatus === 1 || nodeContext === CONTEXT_BLOCK_OUT$1) {
		const flowIndent = nodeContext === CONTEXT_FLOW_IN$1 || nodeContext === CONTEXT_FLOW_OUT$1 ? parentIndent : parentIndent + 1;
		const blockIndent = state.position - state.lineStart;
		if (indentStatus === 1) {
			if (allowBlockCollections && (readBlockSequence$1(state, blockIndent, props) || readBlockMapping$1(state, blockIndent, flowIndent, props)) || readFlowCollection$1(state, flowIndent, props)) hasContent = true;
			else {
				const ch = state.input.charCodeAt(state.position);
				if (propertyStart !== null && allowPropertyMapping && allowBlockStyles && !allowBlockCollections && ch !== 124 && ch !== 62) {
					const fallbackState = snapshotState$1(state);
					const propertyIndent = propertyStart.position - propertyStart.lineStart;
					restoreState$1(state, propertyStart);
					if (readBlockMapping$1(state, propertyIndent, flowIndent, emptyProperties$1()) && state.events[fallbackState.eventsLength]?.type === EVENT_ID.MAPPING) hasContent = true;
					else restoreState$1(state, fallbackState);
				}
				if (!hasContent && (allowBlockScalars && readBlockScalar$1(state, flowIndent, props) || readSingleQuotedScalar$1(state, flowIndent, props) || readDoubleQuotedScalar$1(state, flowIndent, props) || readAlias$1(state, props) || readPlainScalar$1(state, flowIndent, nodeContext, props))) hasContent = true;
			}
		} else if (indentStatus === 0) hasContent = allowBlockCollections && readBlockSequence$1(state, blockIndent, props);
	}
	allowBlockScalars = allowBlockScalars && !hasContent;
	if (!hasContent && (props.anchorStart !== NO_RANGE$1$1 || props.tagStart !== NO_RANGE$1$1 || allowBlockScalars)) {
		addScalarEvent$1(state, NO_RANGE$1$1, NO_RANGE$1$1, props.anchorStart, props.anchorEnd, props.tagStart, props.tagEnd, SCALAR_STYLE.PLAIN);
		hasContent = true;
	}
	state.depth--;
	return hasContent || props.anchorStart !== NO_RANGE$1$1 || props.tagStart !== NO_RANGE$1$1;
}
function readDirective$1(state) {
	if (state.lineIndent > 0 || state.input.charCodeAt(state.position) !== 37) return false;
	state.position++;
	const nameStart = state.position;
	while (state.input.charCodeAt(state.position) !== 0 && !isWsOrEol$1(state.input.charCodeAt(state.position))) state.position++;
	const name = state.input.slice(nameStart, state.position);
	const args = [];
	if (name.length === 0) throwError$2(state, "directive name must not be less than one character in length");
	while (state.input.charCodeAt(state.position) !== 0 && !isEol$1(state.input.charCodeAt(state.position))) {
		while (isWhiteSpace$1(state.input.charCodeAt(state.position))) state.position++;
		if (state.input.charCodeAt(state.position) === 35 || isEol$1(state.input.charCodeAt(state.position)) || state.input.charCodeAt(state.position) === 0) break;
		const start = state.position;
		while (state.input.charCodeAt(state.position) !== 0 && !isWsOrEol$1(state.input.charCodeAt(state.position))) state.position++;
		args.push(state.input.slice(start, state.position));
	}
	if (isEol$1(state.input.charCodeAt(state.position))) consumeLineBreak$1(state);
	if (name === "YAML") {
		if (state.directives.some((directive) => directive.kind === "yaml")) throwError$2(state, "duplication of %YAML directive");
		if (args.length !== 1) throwError$2(state, "YAML directive accepts exactly one argument");
		const match = /^([0-9]+)\.([0-9]+)$/.exec(args[0]);
		if (match === null) throwError$2(state, "ill-formed argument of the YAML directive");
		if (parseInt(match[1], 10) !== 1) throwError$2(state, "unacceptable YAML version of the document");
		state.directives.push({
			kind: "yaml",
			version: args[0]
		});
	} else if (name === "TAG") {
		if (args.length !== 2) throwError$2(state, "TAG directive accepts exactly two arguments");
		const [handle, prefix] = args;
		if (!PATTERN_TAG_HANDLE$1.test(handle)) throwError$2(state, "ill-formed tag handle (first argument) of the TAG directive");
		if (HAS_OWN$1.call(state.tagHandlers, handle)) throwError$2(state, `there is a previously declared suffix for "${handle}" tag handle`);
		if (!PATTERN_TAG_PREFIX$1.test(prefix)) throwError$2(state, "ill-formed tag prefix (second argument) of the TAG directive");
		state.tagHandlers[handle] = prefix;
		state.directives.push({
			kind: "tag",
			handle,
			prefix
		});
	}
	return true;
}
function readDocument$1(state) {
	state.directives = [];
	state.tagHandlers = Object.create(null);
	let hasDirectives = false;
	skipSeparationSpace$1(state, true);
	while (readDirective$1(state)) {
		hasDirectives = true;
		skipSeparationSpace$1(state, true);
	}
	let explicitStart = false;
	let explicitEnd = false;
	let allowCompact = true;
	if (state.lineIndent === 0 && state.input.charCodeAt(state.position) === 45 && state.input.charCodeAt(state.position + 1) === 45 && state.input.charCodeAt(state.position + 2) === 45 && isWsOrEolOrEnd$1(state.input.charCodeAt(state.position + 3))) {
		explicitStart = true;
		const markerLine = state.line;
		state.position += 3;
		skipSeparationSpace$1(state, true);
		allowCompact = state.line > markerLine;
	} else if (hasDirectives) throwError$2(state, "directives end mark is expected");
	const documentEventIndex = state.events.length;
	if (!explicitStart && state.position === state.lineStart && state.input.charCodeAt(state.position) === 46 && testDocumentSeparator$1(state)) {
		state.position += 3;
		skipSeparationSpace$1(state, true);
		return;
	}
	addDocumentEvent$1(state, explicitStart, false);
	if (!parseNode$1(state, state.lineIndent - 1, CONTEXT_BLOCK_OUT$1, false, allowCompact, allowCompact)) addEmptyScalarEvent$1(state);
	skipSeparationSpace$1(state, true);
	if (state.position === state.lineStart && testDocumentSeparator$1(state)) {
		explicitEnd = state.input.charCodeAt(state.position) === 46;
		if (explicitEnd) {
			const markerLine = state.line;
			state.position += 3;
			skipSeparationSpace$1(state, true);
			if (state.line === markerLine && state.position < state.length) throwError$2(state, "end of the stream or a document separator is expected");
		}
	}
	const documentEvent = state.events[documentEventIndex];
	if (documentEvent?.type === EVENT_ID.DOCUMENT) documentEvent.explicitEnd = explicitEnd;
	addPopEvent$1(state);
	if (!explicitEnd && state.position < state.length && !testDocumentBoundary$1(state)) throwError$2(state, "end of the stream or a document separator is expected");
}
/**
* Parses YAML into a flat event stream referencing source text by offsets.
*
* @category Events
*/
function parseEvents$2(input, options) {
	const length = input.length;
	const state = {
		...DEFAULT_PARSER_OPTIONS$1,
		...options,
		input: `${input}\0`,
		length,
		position: 0,
		line: 0,
		lineStart: 0,
		lineIndent: 0,
		firstTabInLine: -1,
		depth: 0,
		directives: [],
		tagHandlers: Object.create(null),
		events: []
	};
	const nullpos = input.indexOf("\0");
	if (nullpos !== -1) YAMLException.throwAt(input, nullpos, "null byte is not allowed in input", state.filename);
	while (state.position < state.length) {
		skipByteOrderMark$1(state);
		skipSeparationSpace$1(state, true);
		if (state.position >= state.length) break;
		const documentStart = state.position;
		readDocument$1(state);
		if (state.position === documentStart)
 /* c8 ignore next */
		throwError$2(state, "can not read a document");
	}
	return state.events;
}
//#endregion
//#region src/load.ts
var DEFAULT_LOAD_OPTIONS = {
	...DEFAULT_PARSER_OPTIONS$1,
	...DEFAULT_CONSTRUCTOR_OPTIONS
};
function loadDocuments(input, options = {}) {
	const opts = {
		...DEFAULT_LOAD_OPTIONS,
		...options
	};
	const source = String(input);
	const PARSER_OPT_KEYS = Object.keys(DEFAULT_PARSER_OPTIONS$1);
	const CONSTRUCTOR_OPT_KEYS = Object.keys(DEFAULT_CONSTRUCTOR_OPTIONS);
	return constructFromEvents(parseEvents$2(source, pick(opts, PARSER_OPT_KEYS)), {
		...pick(opts, CONSTRUCTOR_OPT_KEYS),
		source
	});
}
/**
* Parses `string` as a single YAML document. Throws {@link YAMLException} on
* error. This function does not understand multi-document or empty sources; it
* throws an exception on those.
*
* > [!NOTE]
* > 1. When processing untrusted input, see the
* >    [security considerations](../docs/safety.md).
* > 2. All exceptions MUST be caught, not just {@link YAMLException}.
* > 3. The default {@link CORE_SCHEMA} comes without the `!!merge` tag. You can
* >    easily enable it if needed.
* > 4. The default {@link mapTag} is `{}`-object based, with known limitations
* >    (see description). For full compatibility use {@link realMapTag}
* >    instead (it uses native JS `Map`).
*
* @example
* Enable {@link mergeTag} and {@link realMapTag}:
*
* ```javascript
* import { load, CORE_SCHEMA, mergeTag, realMapTag } from 'js-yaml'
*
* try {
*   load(data, { schema: CORE_SCHEMA.withTags(mergeTag, realMapTag) })
* } catch (e) {
*   console.error(e)
* }
* ```
*
* @category Main
*/
function load(input, options) {
	const documents = loadDocuments(input, options);
	if (documents.length === 0) throw new YAMLException("expected a document, but the input is empty");
	if (documents.length === 1) return documents[0];
	throw new YAMLException("expected a single document in the stream, but found more");
}
//#endregion
//#region src/ast/styler_defaults.ts
function hasBit(mask, bit) {
	return (mask & 1 << bit) !== 0;
}
/**
* Default scalar styling rules in application order.
* See [Scalar styling](../../docs/scalar_styling.md) for usage details.
*
* @category AST
*/
var DEFAULT_SCALAR_STYLE_RULES = {
	applyQuoteFlowKeysOption,
	doubleQuoteForInvisibles,
	doubleQuoteWhitespaceOnly,
	applyForceQuotesOption,
	tryLongOrMultilineAsBlock,
	quoteInvalidPlain,
	fallbackToDoubleQuoted
};
function _preferredQuotedStyle(layout) {
	if (layout.presenterOptions.quoteStyle === "single" && hasBit(layout.allowedStylesMask, SCALAR_STYLE.SINGLE_QUOTED)) return SCALAR_STYLE.SINGLE_QUOTED;
	return SCALAR_STYLE.DOUBLE_QUOTED;
}
function applyQuoteFlowKeysOption(layout) {
	if (!layout.presenterOptions.quoteFlowKeys) return;
	if (!layout.isKey || !layout.flowOnly || layout.style !== SCALAR_STYLE.PLAIN) return;
	layout.style = SCALAR_STYLE.DOUBLE_QUOTED;
}
function doubleQuoteForInvisibles(layout) {
	if (layout.style === SCALAR_STYLE.PLAIN && /[\t\x7F-\xA0\u2028\u2029\uFEFF\uFFFE\uFFFF]/.test(layout.node.value)) layout.style = SCALAR_STYLE.DOUBLE_QUOTED;
}
function doubleQuoteWhitespaceOnly(layout) {
	if (layout.style === SCALAR_STYLE.PLAIN && /^\s+$/.test(layout.node.value)) layout.style = SCALAR_STYLE.DOUBLE_QUOTED;
}
function applyForceQuotesOption(layout) {
	if (!layout.presenterOptions.forceQuotes) return;
	if (layout.isKey || layout.style !== SCALAR_STYLE.PLAIN) return;
	if (layout.node.tag !== layout.presenterOptions.schema.defaultScalarTag.tagName) return;
	layout.style = layout.node.value.includes("\n") ? SCALAR_STYLE.DOUBLE_QUOTED : _preferredQuotedStyle(layout);
}
function tryLongOrMultilineAsBlock(layout) {
	if (layout.style !== SCALAR_STYLE.PLAIN || layout.isKey) return;
	const value = layout.node.value;
	const multiline = value.indexOf("\n") !== -1;
	if (!hasBit(layout.allowedStylesMask, SCALAR_STYLE.LITERAL_BLOCK)) {
		if (multiline) layout.style = SCALAR_STYLE.DOUBLE_QUOTED;
		return;
	}
	const w = layout.presenterOptions.lineWidth;
	if (w === -1) {
		if (multiline) layout.style = SCALAR_STYLE.LITERAL_BLOCK;
		return;
	}
	const availableWidth = Math.max(Math.min(w, 40), w - layout.shiftOfContent);
	let position = 0;
	let shouldFold = false;
	while (position <= value.length) {
		let lineEnd = value.length;
		const nextLineBreak = value.indexOf("\n", position);
		if (nextLineBreak !== -1) lineEnd = nextLineBreak;
		const line = value.slice(position, lineEnd);
		if (line.length > availableWidth && line[0] !== " " && / [^ \t]/.test(line)) shouldFold = true;
		if (nextLineBreak === -1) break;
		position = nextLineBreak + 1;
	}
	if (shouldFold) layout.style = SCALAR_STYLE.FOLDED_BLOCK;
	else if (multiline) layout.style = SCALAR_STYLE.LITERAL_BLOCK;
}
function quoteInvalidPlain(layout) {
	if (layout.style === SCALAR_STYLE.PLAIN && !hasBit(layout.allowedStylesMask, SCALAR_STYLE.PLAIN)) layout.style = _preferredQuotedStyle(layout);
}
function fallbackToDoubleQuoted(layout) {
	if (!hasBit(layout.allowedStylesMask, layout.style)) layout.style = SCALAR_STYLE.DOUBLE_QUOTED;
}
({
	scalarStyleRules: Object.keys(DEFAULT_SCALAR_STYLE_RULES).map((name) => Reflect.get(DEFAULT_SCALAR_STYLE_RULES, name))});

// @ts-nocheck
// GENERATED by scripts/vendor-js-yaml-parser.mjs from js-yaml 5.5.0 (MIT, (C) 2011-2015 Vitaly Puzrin and
// contributors), dist/js-yaml.mjs region src/parser/parser.ts, changed so that it reads YAML as kubectl's go-yaml v2
// does. Do not edit: change the patches in the script and rerun it. The changes, in order:
//  - state: a literal object instead of spreading the options into it (V8 keeps a spread object in dictionary mode: every parse paid a slow property lookup per access, 10-15x per small document), with first-document mode
//  - state: the flow nesting level, where a failed plain-scalar continuation stopped, and first-document mode
//  - libyaml ends a comment at any token boundary (`"x"#c`, `[a,#c`), not only after whitespace; in block context it refuses a tab in the indentation of a line (unless a plain scalar already read that line)
//  - anchor names: libyaml allows letters, digits, `-` and `_` only
//  - alias names: the same characters as anchors
//  - quoted scalars: libyaml does not check the indentation of their continuation lines
//  - double-quoted escapes: go-yaml v2 knows no `\/` escape
//  - double-quoted escapes: go-yaml v2 refuses surrogate halves and code points above U+10FFFF
//  - block scalar header: a comment may follow the indicators without whitespace
//  - plain scalars: NEL, LS and PS are line breaks for libyaml
//  - plain scalars: in flow context continuation lines may have any indentation; in block context a tab below the indentation is refused
//  - flow collections: libyaml does not check indentation (nor tabs) inside them
//  - flow collections: track the nesting level (entry)
//  - flow collections: track the nesting level (exit)
//  - flow mappings: an implicit key and its `:` stay on one line (libyaml simple keys)
//  - block sequences: libyaml refuses a tab right after `-`
//  - explicit keys and values: libyaml refuses a tab right after `?` and `:`
//  - first-document mode: kubectl decodes one document per `---` chunk; `...`, a directive or `---` ends it and the rest is not read
//  - helpers of the changes above (a tab right after an indicator)
//#region src/parser/parser.ts
var NO_RANGE$1 = -1;
var HAS_OWN = Object.prototype.hasOwnProperty;
var CONTEXT_FLOW_IN = 1;
var CONTEXT_FLOW_OUT = 2;
var CONTEXT_BLOCK_IN = 3;
var CONTEXT_BLOCK_OUT = 4;
var PATTERN_NON_PRINTABLE = /[\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x84\x86-\x9F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?:[^\uD800-\uDBFF]|^)[\uDC00-\uDFFF]/;
var PATTERN_FLOW_INDICATORS = /[,\[\]{}]/;
var PATTERN_TAG_HANDLE = /^(?:!|!!|![0-9A-Za-z-]+!)$/;
var NS_URI_CHAR = String.raw `(?:%[0-9A-Fa-f]{2}|[0-9A-Za-z\-#;/?:@&=+$,_.!~*'()\[\]])`;
var NS_TAG_CHAR = String.raw `(?:%[0-9A-Fa-f]{2}|[0-9A-Za-z\-#;/?:@&=+$.~*'()_])`;
var PATTERN_TAG_URI = new RegExp(`^(?:${NS_URI_CHAR})*$`);
var PATTERN_TAG_SUFFIX = new RegExp(`^(?:${NS_TAG_CHAR})+$`);
var PATTERN_TAG_PREFIX = new RegExp(`^(?:!(?:${NS_URI_CHAR})*|${NS_TAG_CHAR}(?:${NS_URI_CHAR})*)$`);
var DEFAULT_PARSER_OPTIONS = {
    filename: "",
    maxDepth: 100
};
function addDocumentEvent(state, explicitStart, explicitEnd) {
    state.events.push({
        type: EVENT_ID.DOCUMENT,
        explicitStart,
        explicitEnd,
        directives: state.directives
    });
}
function addSequenceEvent(state, start, anchorStart, anchorEnd, tagStart, tagEnd, style) {
    state.events.push({
        type: EVENT_ID.SEQUENCE,
        start,
        anchorStart,
        anchorEnd,
        tagStart,
        tagEnd,
        style
    });
}
function addMappingEvent(state, start, anchorStart, anchorEnd, tagStart, tagEnd, style) {
    state.events.push({
        type: EVENT_ID.MAPPING,
        start,
        anchorStart,
        anchorEnd,
        tagStart,
        tagEnd,
        style
    });
}
function insertFlowPairMappingEvent(state, snapshot) {
    state.events.splice(snapshot.eventsLength, 0, {
        type: EVENT_ID.MAPPING,
        start: snapshot.position,
        anchorStart: NO_RANGE$1,
        anchorEnd: NO_RANGE$1,
        tagStart: NO_RANGE$1,
        tagEnd: NO_RANGE$1,
        style: COLLECTION_STYLE.FLOW
    });
}
function addScalarEvent(state, valueStart, valueEnd, anchorStart, anchorEnd, tagStart, tagEnd, style, chomping = CHOMPING_MODE.CLIP, indent = -1, fast = false) {
    state.events.push({
        type: EVENT_ID.SCALAR,
        valueStart,
        valueEnd,
        anchorStart,
        anchorEnd,
        tagStart,
        tagEnd,
        style,
        chomping,
        indent,
        fast
    });
}
function addAliasEvent(state, anchorStart, anchorEnd) {
    state.events.push({
        type: EVENT_ID.ALIAS,
        anchorStart,
        anchorEnd
    });
}
function addPopEvent(state) {
    state.events.push({ type: EVENT_ID.POP });
}
function addEmptyScalarEvent(state) {
    addScalarEvent(state, NO_RANGE$1, NO_RANGE$1, NO_RANGE$1, NO_RANGE$1, NO_RANGE$1, NO_RANGE$1, SCALAR_STYLE.PLAIN);
}
function emptyProperties() {
    return {
        anchorStart: NO_RANGE$1,
        anchorEnd: NO_RANGE$1,
        tagStart: NO_RANGE$1,
        tagEnd: NO_RANGE$1
    };
}
function snapshotState(state) {
    return {
        position: state.position,
        line: state.line,
        lineStart: state.lineStart,
        lineIndent: state.lineIndent,
        firstTabInLine: state.firstTabInLine,
        eventsLength: state.events.length
    };
}
function restoreState(state, snapshot) {
    state.position = snapshot.position;
    state.line = snapshot.line;
    state.lineStart = snapshot.lineStart;
    state.lineIndent = snapshot.lineIndent;
    state.firstTabInLine = snapshot.firstTabInLine;
    state.events.length = snapshot.eventsLength;
}
function throwError(state, message) {
    YAMLException.throwAt(state.input.slice(0, state.length), state.position, message, state.filename);
}
function isEol(c) {
    return c === 10 || c === 13;
}
function isWhiteSpace(c) {
    return c === 9 || c === 32;
}
function isWsOrEol(c) {
    return isWhiteSpace(c) || isEol(c);
}
function isWsOrEolOrEnd(c) {
    return c === 0 || isWsOrEol(c);
}
function isFlowIndicator(c) {
    return c === 44 || c === 91 || c === 93 || c === 123 || c === 125;
}
function fromDecimalCode(c) {
    return c >= 48 && c <= 57 ? c - 48 : -1;
}
function fromHexCode(c) {
    if (c >= 48 && c <= 57)
        return c - 48;
    const lc = c | 32;
    if (lc >= 97 && lc <= 102)
        return lc - 97 + 10;
    return -1;
}
function escapedHexLen(c) {
    if (c === 120)
        return 2;
    if (c === 117)
        return 4;
    if (c === 85)
        return 8;
    return 0;
}
function isSimpleEscape(c) {
    return c === 48 || c === 97 || c === 98 || c === 116 || c === 9 || c === 110 || c === 118 || c === 102 || c === 114 || c === 101 || c === 32 || c === 34 || c === 92 || c === 78 || c === 95 || c === 76 || c === 80;
}
function consumeLineBreak(state) {
    if (state.input.charCodeAt(state.position) === 10)
        state.position++;
    else {
        state.position++;
        if (state.input.charCodeAt(state.position) === 10)
            state.position++;
    }
    state.line++;
    state.lineStart = state.position;
    state.lineIndent = 0;
    state.firstTabInLine = -1;
}
function skipSeparationSpace(state, allowComments) {
    let lineBreaks = 0;
    let ch = state.input.charCodeAt(state.position);
    let indentation = allowComments && state.flowLevel === 0 && state.position - state.lineStart === state.lineIndent;
    while (ch !== 0) {
        while (isWhiteSpace(ch)) {
            if (ch === 9) {
                if (state.firstTabInLine === -1)
                    state.firstTabInLine = state.position;
                if (indentation && state.position >= state.blankScanUntil)
                    throwError(state, "a tab character in the indentation of a line (kubectl refuses tabs there)");
            }
            ch = state.input.charCodeAt(++state.position);
        }
        indentation = false;
        if (allowComments && ch === 35)
            do
                ch = state.input.charCodeAt(++state.position);
            while (!isEol(ch) && ch !== 0);
        if (!isEol(ch))
            break;
        consumeLineBreak(state);
        lineBreaks++;
        indentation = allowComments && state.flowLevel === 0;
        ch = state.input.charCodeAt(state.position);
        while (ch === 32) {
            state.lineIndent++;
            ch = state.input.charCodeAt(++state.position);
        }
    }
    return lineBreaks;
}
function testDocumentSeparator(state, position = state.position) {
    const ch = state.input.charCodeAt(position);
    if ((ch === 45 || ch === 46) && ch === state.input.charCodeAt(position + 1) && ch === state.input.charCodeAt(position + 2)) {
        const following = state.input.charCodeAt(position + 3);
        return following === 0 || isWsOrEol(following);
    }
    return false;
}
function skipByteOrderMark(state) {
    if (state.position === state.lineStart && state.input.charCodeAt(state.position) === 65279) {
        state.position++;
        state.lineStart = state.position;
    }
}
function testDocumentBoundary(state) {
    if (state.position !== state.lineStart)
        return false;
    if (testDocumentSeparator(state))
        return true;
    if (state.input.charCodeAt(state.position) !== 65279)
        return false;
    const snapshot = snapshotState(state);
    skipByteOrderMark(state);
    skipSeparationSpace(state, true);
    const ch = state.input.charCodeAt(state.position);
    const result = state.position === state.lineStart && (ch === 37 || ch === 45 && testDocumentSeparator(state));
    restoreState(state, snapshot);
    return result;
}
function skipUntilLineEnd(state) {
    let ch = state.input.charCodeAt(state.position);
    while (ch !== 0 && !isEol(ch))
        ch = state.input.charCodeAt(++state.position);
}
function checkPrintable(state, start, end) {
    const match = PATTERN_NON_PRINTABLE.exec(state.input.slice(start, end));
    if (match !== null) {
        state.position = start + match.index + match[0].length - 1;
        throwError(state, "the stream contains non-printable characters");
    }
}
function readTagProperty(state, props, inFlow) {
    if (state.input.charCodeAt(state.position) !== 33)
        return false;
    if (props.tagStart !== NO_RANGE$1)
        throwError(state, "duplication of a tag property");
    const start = state.position;
    let isVerbatim = false;
    let isNamed = false;
    let tagHandle = "!";
    let ch = state.input.charCodeAt(++state.position);
    if (ch === 60) {
        isVerbatim = true;
        ch = state.input.charCodeAt(++state.position);
    }
    else if (ch === 33) {
        isNamed = true;
        tagHandle = "!!";
        ch = state.input.charCodeAt(++state.position);
    }
    let suffixStart = state.position;
    let tagName;
    if (isVerbatim) {
        while (ch !== 0 && ch !== 62)
            ch = state.input.charCodeAt(++state.position);
        if (ch !== 62)
            throwError(state, "unexpected end of the stream within a verbatim tag");
        tagName = state.input.slice(suffixStart, state.position);
        state.position++;
    }
    else {
        while (ch !== 0 && !isWsOrEol(ch) && !(inFlow && isFlowIndicator(ch))) {
            if (ch === 33) {
                if (!isNamed) {
                    tagHandle = state.input.slice(suffixStart - 1, state.position + 1);
                    if (!PATTERN_TAG_HANDLE.test(tagHandle))
                        throwError(state, "named tag handle cannot contain such characters");
                    isNamed = true;
                    suffixStart = state.position + 1;
                }
                else
                    throwError(state, "tag suffix cannot contain exclamation marks");
            }
            ch = state.input.charCodeAt(++state.position);
        }
        tagName = state.input.slice(suffixStart, state.position);
        if (PATTERN_FLOW_INDICATORS.test(tagName))
            throwError(state, "tag suffix cannot contain flow indicator characters");
    }
    if (tagName && !(isVerbatim ? PATTERN_TAG_URI.test(tagName) : PATTERN_TAG_SUFFIX.test(tagName)))
        throwError(state, `tag name cannot contain such characters: ${tagName}`);
    if (!isVerbatim && tagHandle !== "!" && tagHandle !== "!!" && !HAS_OWN.call(state.tagHandlers, tagHandle))
        throwError(state, `undeclared tag handle "${tagHandle}"`);
    props.tagStart = start;
    props.tagEnd = state.position;
    return true;
}
function readAnchorProperty(state, props) {
    if (state.input.charCodeAt(state.position) !== 38)
        return false;
    if (props.anchorStart !== NO_RANGE$1)
        throwError(state, "duplication of an anchor property");
    state.position++;
    const start = state.position;
    while (isAnchorChar(state.input.charCodeAt(state.position)))
        state.position++;
    if (state.position === start)
        throwError(state, "name of an anchor node must contain at least one character");
    checkAnchorEnd(state);
    props.anchorStart = start;
    props.anchorEnd = state.position;
    return true;
}
function readAlias(state, props) {
    if (state.input.charCodeAt(state.position) !== 42)
        return false;
    if (props.anchorStart !== NO_RANGE$1 || props.tagStart !== NO_RANGE$1)
        throwError(state, "alias node should not have any properties");
    state.position++;
    const start = state.position;
    while (isAnchorChar(state.input.charCodeAt(state.position)))
        state.position++;
    if (state.position === start)
        throwError(state, "name of an alias node must contain at least one character");
    checkAnchorEnd(state);
    addAliasEvent(state, start, state.position);
    return true;
}
function readFlowScalarBreak(state, nodeIndent) {
    skipSeparationSpace(state, false);
}
function isAnchorChar(c) {
    return c >= 48 && c <= 57 || c >= 65 && c <= 90 || c >= 97 && c <= 122 || c === 45 || c === 95;
}
function checkAnchorEnd(state) {
    const c = state.input.charCodeAt(state.position);
    if (c === 0 || isWsOrEol(c) || c === 44 || c === 93 || c === 125)
        return;
    if (c === 58 && isWsOrEolOrEnd(state.input.charCodeAt(state.position + 1)))
        return;
    throwError(state, "an anchor or alias name may hold only letters, digits, '-' and '_'");
}
function checkPlainBreakTabs(state, from, indent) {
    let column = -1;
    for (let i = from; i < state.position; i++) {
        const c = state.input.charCodeAt(i);
        if (c === 10 || c === 13)
            column = 0;
        else if (column >= 0) {
            if (c === 9 && column < indent) {
                state.position = i;
                throwError(state, "a tab character that violates indentation");
            }
            column++;
        }
    }
}
function readSingleQuotedScalar(state, nodeIndent, props) {
    if (state.input.charCodeAt(state.position) !== 39)
        return false;
    state.position++;
    const start = state.position;
    let simple = true;
    while (state.input.charCodeAt(state.position) !== 0) {
        const ch = state.input.charCodeAt(state.position);
        if (ch === 39) {
            if (state.input.charCodeAt(state.position + 1) === 39) {
                simple = false;
                state.position += 2;
                continue;
            }
            const end = state.position;
            state.position++;
            addScalarEvent(state, start, end, props.anchorStart, props.anchorEnd, props.tagStart, props.tagEnd, SCALAR_STYLE.SINGLE_QUOTED, CHOMPING_MODE.CLIP, -1, simple);
            return true;
        }
        if (isEol(ch)) {
            simple = false;
            readFlowScalarBreak(state);
        }
        else if (state.position === state.lineStart && testDocumentSeparator(state))
            throwError(state, "unexpected end of the document within a single quoted scalar");
        else if (ch !== 9 && ch < 32)
            throwError(state, "expected valid JSON character");
        else
            state.position++;
    }
    throwError(state, "unexpected end of the stream within a single quoted scalar");
}
function readDoubleQuotedScalar(state, nodeIndent, props) {
    if (state.input.charCodeAt(state.position) !== 34)
        return false;
    state.position++;
    const start = state.position;
    let simple = true;
    while (state.input.charCodeAt(state.position) !== 0) {
        const ch = state.input.charCodeAt(state.position);
        if (ch === 34) {
            const end = state.position;
            state.position++;
            addScalarEvent(state, start, end, props.anchorStart, props.anchorEnd, props.tagStart, props.tagEnd, SCALAR_STYLE.DOUBLE_QUOTED, CHOMPING_MODE.CLIP, -1, simple);
            return true;
        }
        if (ch === 92) {
            simple = false;
            const escaped = state.input.charCodeAt(++state.position);
            if (isEol(escaped))
                readFlowScalarBreak(state);
            else if (isSimpleEscape(escaped))
                state.position++;
            else {
                let hexLength = escapedHexLen(escaped);
                if (hexLength === 0)
                    throwError(state, "unknown escape sequence");
                let code = 0;
                while (hexLength-- > 0) {
                    state.position++;
                    const digit = fromHexCode(state.input.charCodeAt(state.position));
                    if (digit < 0)
                        throwError(state, "expected hexadecimal character");
                    code = code * 16 + digit;
                }
                if (code >= 55296 && code <= 57343 || code > 1114111)
                    throwError(state, "invalid Unicode character escape code");
                state.position++;
            }
        }
        else if (isEol(ch)) {
            simple = false;
            readFlowScalarBreak(state);
        }
        else if (state.position === state.lineStart && testDocumentSeparator(state))
            throwError(state, "unexpected end of the document within a double quoted scalar");
        else if (ch !== 9 && ch < 32)
            throwError(state, "expected valid JSON character");
        else
            state.position++;
    }
    throwError(state, "unexpected end of the stream within a double quoted scalar");
}
function readBlockScalar(state, parentIndent, props) {
    const ch = state.input.charCodeAt(state.position);
    let chomping = CHOMPING_MODE.CLIP;
    let indent = -1;
    let detectedIndent = false;
    if (ch !== 124 && ch !== 62)
        return false;
    const style = ch === 124 ? SCALAR_STYLE.LITERAL_BLOCK : SCALAR_STYLE.FOLDED_BLOCK;
    state.position++;
    while (state.input.charCodeAt(state.position) !== 0) {
        const current = state.input.charCodeAt(state.position);
        const digit = fromDecimalCode(current);
        if (current === 43 || current === 45) {
            if (chomping !== CHOMPING_MODE.CLIP)
                throwError(state, "repeat of a chomping mode identifier");
            chomping = current === 43 ? CHOMPING_MODE.KEEP : CHOMPING_MODE.STRIP;
            state.position++;
        }
        else if (digit >= 0) {
            if (digit === 0)
                throwError(state, "bad explicit indentation width of a block scalar; it cannot be less than one");
            if (detectedIndent)
                throwError(state, "repeat of an indentation width identifier");
            indent = parentIndent + digit - 1;
            detectedIndent = true;
            state.position++;
        }
        else
            break;
    }
    while (isWhiteSpace(state.input.charCodeAt(state.position))) {
        state.position++;
    }
    if (state.input.charCodeAt(state.position) === 35)
        skipUntilLineEnd(state);
    if (isEol(state.input.charCodeAt(state.position)))
        consumeLineBreak(state);
    else if (state.input.charCodeAt(state.position) !== 0)
        throwError(state, "a line break is expected");
    let contentIndent = detectedIndent ? indent : -1;
    let maxLeadingIndent = 0;
    const valueStart = state.position;
    let valueEnd = state.position;
    while (state.input.charCodeAt(state.position) !== 0) {
        const linePosition = state.position;
        let column = 0;
        while (state.input.charCodeAt(linePosition + column) === 32)
            column++;
        const first = state.input.charCodeAt(linePosition + column);
        if (first === 0) {
            if (contentIndent >= 0) {
                if (column > contentIndent)
                    valueEnd = linePosition + column;
            }
            else if (column > 0)
                valueEnd = linePosition + column;
            break;
        }
        if (testDocumentBoundary(state))
            break;
        if (!detectedIndent && contentIndent === -1 && isEol(first))
            maxLeadingIndent = Math.max(maxLeadingIndent, column);
        if (!detectedIndent && contentIndent === -1 && !isEol(first)) {
            if (first === 9 && column < parentIndent) {
                state.position = linePosition + column;
                throwError(state, "tab characters must not be used in indentation");
            }
            if (column >= parentIndent && column < maxLeadingIndent) {
                state.position = linePosition + column;
                throwError(state, "bad indentation of a mapping entry");
            }
        }
        if (contentIndent === -1 && first !== 0 && !isEol(first) && column < parentIndent) {
            state.lineIndent = column;
            state.position = linePosition + column;
            break;
        }
        if (!detectedIndent && first !== 0 && !isEol(first) && contentIndent === -1)
            contentIndent = column;
        const requiredIndent = contentIndent === -1 ? parentIndent + 1 : contentIndent;
        if (first !== 0 && !isEol(first) && column < requiredIndent) {
            state.lineIndent = column;
            state.position = linePosition + column;
            break;
        }
        skipUntilLineEnd(state);
        valueEnd = state.position;
        if (isEol(state.input.charCodeAt(state.position))) {
            consumeLineBreak(state);
            valueEnd = state.position;
        }
    }
    checkPrintable(state, valueStart, valueEnd);
    addScalarEvent(state, valueStart, valueEnd, props.anchorStart, props.anchorEnd, props.tagStart, props.tagEnd, style, chomping, contentIndent);
    return true;
}
function canStartPlainScalar(state, nodeContext) {
    const ch = state.input.charCodeAt(state.position);
    const inFlow = nodeContext === CONTEXT_FLOW_IN;
    if (ch === 0 || isWsOrEol(ch) || ch === 35 || ch === 38 || ch === 42 || ch === 33 || ch === 124 || ch === 62 || ch === 39 || ch === 34 || ch === 37 || ch === 64 || ch === 96 || isFlowIndicator(ch))
        return false;
    if (ch === 63 || ch === 45) {
        const following = state.input.charCodeAt(state.position + 1);
        if (isWsOrEolOrEnd(following) || inFlow && isFlowIndicator(following))
            return false;
    }
    return true;
}
function readPlainScalar(state, nodeIndent, nodeContext, props) {
    if (!canStartPlainScalar(state, nodeContext))
        return false;
    const start = state.position;
    let end = state.position;
    let ch = state.input.charCodeAt(state.position);
    const inFlow = nodeContext === CONTEXT_FLOW_IN;
    let multiline = false;
    while (ch !== 0) {
        if (testDocumentBoundary(state))
            break;
        if (ch === 58) {
            const following = state.input.charCodeAt(state.position + 1);
            if (isWsOrEolOrEnd(following) || inFlow && isFlowIndicator(following))
                break;
        }
        else if (ch === 35) {
            if (isWsOrEol(state.input.charCodeAt(state.position - 1)))
                break;
        }
        else if (inFlow && isFlowIndicator(ch))
            break;
        else if (ch === 133 || ch === 8232 || ch === 8233)
            throwError(state, "a NEL, LS or PS character, which kubectl reads as a line break");
        else if (isEol(ch)) {
            const savedPosition = state.position;
            const savedLine = state.line;
            const savedLineStart = state.lineStart;
            const savedLineIndent = state.lineIndent;
            skipSeparationSpace(state, false);
            if (!inFlow)
                checkPlainBreakTabs(state, savedPosition, nodeIndent);
            if (inFlow || state.lineIndent >= nodeIndent) {
                multiline = true;
                ch = state.input.charCodeAt(state.position);
                continue;
            }
            state.blankScanUntil = state.position;
            state.position = savedPosition;
            state.line = savedLine;
            state.lineStart = savedLineStart;
            state.lineIndent = savedLineIndent;
            break;
        }
        if (!isWhiteSpace(ch))
            end = state.position + 1;
        ch = state.input.charCodeAt(++state.position);
    }
    if (end === start)
        return false;
    checkPrintable(state, start, end);
    addScalarEvent(state, start, end, props.anchorStart, props.anchorEnd, props.tagStart, props.tagEnd, SCALAR_STYLE.PLAIN, CHOMPING_MODE.CLIP, -1, !multiline);
    return true;
}
function skipFlowSeparationSpace(state, nodeIndent) {
    state.line;
    skipSeparationSpace(state, true);
}
function readFlowCollection(state, nodeIndent, props) {
    const ch = state.input.charCodeAt(state.position);
    const isMapping = ch === 123;
    const start = state.position;
    let readNext = true;
    if (ch !== 91 && ch !== 123)
        return false;
    const terminator = isMapping ? 125 : 93;
    if (isMapping)
        addMappingEvent(state, start, props.anchorStart, props.anchorEnd, props.tagStart, props.tagEnd, COLLECTION_STYLE.FLOW);
    else
        addSequenceEvent(state, start, props.anchorStart, props.anchorEnd, props.tagStart, props.tagEnd, COLLECTION_STYLE.FLOW);
    state.position++;
    state.flowLevel++;
    while (state.input.charCodeAt(state.position) !== 0) {
        skipFlowSeparationSpace(state);
        let ch = state.input.charCodeAt(state.position);
        if (ch === terminator) {
            state.position++;
            state.flowLevel--;
            addPopEvent(state);
            return true;
        }
        else if (!readNext)
            throwError(state, "missed comma between flow collection entries");
        else if (ch === 44)
            throwError(state, "expected the node content, but found ','");
        let isPair = false;
        let isExplicitPair = false;
        if (ch === 63 && isWsOrEol(state.input.charCodeAt(state.position + 1))) {
            isPair = isExplicitPair = true;
            state.position += 1;
            skipFlowSeparationSpace(state);
        }
        const entryLine = state.line;
        const entryStart = snapshotState(state);
        const keyWasRead = parseNode(state, nodeIndent, CONTEXT_FLOW_IN, false, true);
        skipFlowSeparationSpace(state);
        ch = state.input.charCodeAt(state.position);
        if ((isExplicitPair || state.line === entryLine) && ch === 58) {
            isPair = true;
            state.position++;
            skipFlowSeparationSpace(state);
            if (!isMapping) {
                insertFlowPairMappingEvent(state, entryStart);
                if (!keyWasRead)
                    addEmptyScalarEvent(state);
            }
            else if (!keyWasRead)
                addEmptyScalarEvent(state);
            if (!parseNode(state, nodeIndent, CONTEXT_FLOW_IN, false, true))
                addEmptyScalarEvent(state);
            skipFlowSeparationSpace(state);
            if (!isMapping)
                addPopEvent(state);
        }
        else if (isMapping && isPair) {
            if (!keyWasRead)
                addEmptyScalarEvent(state);
            addEmptyScalarEvent(state);
        }
        else if (isMapping)
            addEmptyScalarEvent(state);
        else if (isPair) {
            insertFlowPairMappingEvent(state, entryStart);
            if (!keyWasRead)
                addEmptyScalarEvent(state);
            addEmptyScalarEvent(state);
            addPopEvent(state);
        }
        ch = state.input.charCodeAt(state.position);
        if (ch === 44) {
            readNext = true;
            state.position++;
        }
        else
            readNext = false;
    }
    throwError(state, "unexpected end of the stream within a flow collection");
}
function readBlockSequence(state, nodeIndent, props) {
    if (state.firstTabInLine !== -1 || state.input.charCodeAt(state.position) !== 45 || !isWsOrEolOrEnd(state.input.charCodeAt(state.position + 1)))
        return false;
    addSequenceEvent(state, state.position, props.anchorStart, props.anchorEnd, props.tagStart, props.tagEnd, COLLECTION_STYLE.BLOCK);
    while (state.input.charCodeAt(state.position) === 45 && isWsOrEolOrEnd(state.input.charCodeAt(state.position + 1))) {
        if (state.firstTabInLine !== -1) {
            state.position = state.firstTabInLine;
            throwError(state, "tab characters must not be used in indentation");
        }
        const entryLine = state.line;
        state.position++;
        checkTabAfterIndicator(state);
        const hadBreak = skipSeparationSpace(state, true) > 0;
        if (state.firstTabInLine !== -1 && state.input.charCodeAt(state.position) === 45 && isWsOrEolOrEnd(state.input.charCodeAt(state.position + 1)))
            throwError(state, "bad indentation of a sequence entry");
        if (hadBreak && state.lineIndent <= nodeIndent)
            addEmptyScalarEvent(state);
        else
            parseNode(state, nodeIndent, CONTEXT_BLOCK_IN, false, true);
        skipSeparationSpace(state, true);
        if (state.lineIndent < nodeIndent || state.position >= state.length)
            break;
        if (state.lineIndent > nodeIndent)
            throwError(state, "bad indentation of a sequence entry");
        if (state.line === entryLine && state.input.charCodeAt(state.position) === 45 && isWsOrEolOrEnd(state.input.charCodeAt(state.position + 1)))
            throwError(state, "bad indentation of a sequence entry");
    }
    addPopEvent(state);
    return true;
}
function readBlockMapping(state, nodeIndent, flowIndent, props) {
    let atExplicitKey = false;
    let detected = false;
    let mappingOpened = false;
    let pendingExplicitKey = false;
    if (state.firstTabInLine !== -1)
        return false;
    let ch = state.input.charCodeAt(state.position);
    while (ch !== 0) {
        if (!atExplicitKey && state.firstTabInLine !== -1) {
            state.position = state.firstTabInLine;
            throwError(state, "tab characters must not be used in indentation");
        }
        const following = state.input.charCodeAt(state.position + 1);
        const entryLine = state.line;
        if ((ch === 63 || ch === 58) && isWsOrEolOrEnd(following)) {
            if (!mappingOpened) {
                addMappingEvent(state, state.position, props.anchorStart, props.anchorEnd, props.tagStart, props.tagEnd, COLLECTION_STYLE.BLOCK);
                mappingOpened = true;
            }
            if (ch === 63) {
                if (atExplicitKey)
                    addEmptyScalarEvent(state);
                detected = true;
                atExplicitKey = true;
            }
            else if (atExplicitKey)
                atExplicitKey = false;
            else {
                addEmptyScalarEvent(state);
                detected = true;
                atExplicitKey = false;
            }
            state.position += 1;
            checkTabAfterIndicator(state);
            pendingExplicitKey = true;
        }
        else {
            if (atExplicitKey) {
                addEmptyScalarEvent(state);
                atExplicitKey = false;
            }
            const beforeKey = snapshotState(state);
            if (!parseNode(state, flowIndent, CONTEXT_FLOW_OUT, false, true))
                break;
            if (state.line === entryLine) {
                ch = state.input.charCodeAt(state.position);
                while (isWhiteSpace(ch))
                    ch = state.input.charCodeAt(++state.position);
                if (ch === 58) {
                    ch = state.input.charCodeAt(++state.position);
                    if (!isWsOrEolOrEnd(ch))
                        throwError(state, "a whitespace character is expected after the key-value separator within a block mapping");
                    if (!mappingOpened) {
                        state.events.splice(beforeKey.eventsLength, 0, {
                            type: EVENT_ID.MAPPING,
                            start: beforeKey.position,
                            anchorStart: props.anchorStart,
                            anchorEnd: props.anchorEnd,
                            tagStart: props.tagStart,
                            tagEnd: props.tagEnd,
                            style: COLLECTION_STYLE.BLOCK
                        });
                        mappingOpened = true;
                    }
                    detected = true;
                    atExplicitKey = false;
                    pendingExplicitKey = false;
                }
                else if (detected)
                    throwError(state, "expected ':' after a mapping key");
                else {
                    if (props.anchorStart !== NO_RANGE$1 || props.tagStart !== NO_RANGE$1) {
                        restoreState(state, beforeKey);
                        return false;
                    }
                    return true;
                }
            }
            else if (detected)
                throwError(state, "can not read a block mapping entry; a multiline key may not be an implicit key");
            else {
                if (props.anchorStart !== NO_RANGE$1 || props.tagStart !== NO_RANGE$1) {
                    restoreState(state, beforeKey);
                    return false;
                }
                return true;
            }
        }
        if (parseNode(state, nodeIndent, CONTEXT_BLOCK_OUT, true, pendingExplicitKey))
            pendingExplicitKey = false;
        if (!atExplicitKey) {
            if (pendingExplicitKey) {
                addEmptyScalarEvent(state);
                pendingExplicitKey = false;
            }
        }
        skipSeparationSpace(state, true);
        ch = state.input.charCodeAt(state.position);
        if ((state.line === entryLine || state.lineIndent > nodeIndent) && ch !== 0)
            throwError(state, "bad indentation of a mapping entry");
        else if (state.lineIndent < nodeIndent)
            break;
    }
    if (!detected)
        return false;
    if (atExplicitKey)
        addEmptyScalarEvent(state);
    if (mappingOpened)
        addPopEvent(state);
    return true;
}
function parseNode(state, parentIndent, nodeContext, allowToSeek, allowCompact, allowPropertyMapping = true) {
    if (state.depth >= state.maxDepth)
        throwError(state, `nesting exceeded maxDepth (${state.maxDepth})`);
    state.depth++;
    let indentStatus = 1;
    let atNewLine = false;
    let hasContent = false;
    let propertyStart = null;
    const props = emptyProperties();
    let allowBlockScalars = nodeContext === CONTEXT_BLOCK_OUT || nodeContext === CONTEXT_BLOCK_IN;
    let allowBlockCollections = allowBlockScalars;
    const allowBlockStyles = allowBlockScalars;
    if (allowToSeek && skipSeparationSpace(state, true)) {
        atNewLine = true;
        if (state.lineIndent > parentIndent)
            indentStatus = 1;
        else if (state.lineIndent === parentIndent)
            indentStatus = 0;
        else
            indentStatus = -1;
    }
    if (indentStatus === 1)
        while (true) {
            const ch = state.input.charCodeAt(state.position);
            const propertyState = snapshotState(state);
            if (atNewLine && indentStatus !== 1 && (ch === 33 || ch === 38))
                break;
            if (atNewLine && allowBlockStyles && (props.tagStart !== NO_RANGE$1 || props.anchorStart !== NO_RANGE$1) && (ch === 33 || ch === 38)) {
                const fallbackState = snapshotState(state);
                const flowIndent = parentIndent + 1;
                if (readBlockMapping(state, state.position - state.lineStart, flowIndent, props) && state.events[fallbackState.eventsLength]?.type === EVENT_ID.MAPPING) {
                    state.depth--;
                    return true;
                }
                restoreState(state, fallbackState);
            }
            if (atNewLine && (ch === 33 && props.tagStart !== NO_RANGE$1 || ch === 38 && props.anchorStart !== NO_RANGE$1))
                break;
            if (!readTagProperty(state, props, nodeContext === CONTEXT_FLOW_IN) && !readAnchorProperty(state, props))
                break;
            if (propertyStart === null)
                propertyStart = propertyState;
            if (skipSeparationSpace(state, true)) {
                atNewLine = true;
                allowBlockCollections = allowBlockStyles;
                if (state.lineIndent > parentIndent)
                    indentStatus = 1;
                else if (state.lineIndent === parentIndent)
                    indentStatus = 0;
                else
                    indentStatus = -1;
            }
            else
                allowBlockCollections = false;
        }
    if (allowBlockCollections)
        allowBlockCollections = atNewLine || allowCompact;
    if (indentStatus === 1 || nodeContext === CONTEXT_BLOCK_OUT) {
        const flowIndent = nodeContext === CONTEXT_FLOW_IN || nodeContext === CONTEXT_FLOW_OUT ? parentIndent : parentIndent + 1;
        const blockIndent = state.position - state.lineStart;
        if (indentStatus === 1) {
            if (allowBlockCollections && (readBlockSequence(state, blockIndent, props) || readBlockMapping(state, blockIndent, flowIndent, props)) || readFlowCollection(state, flowIndent, props))
                hasContent = true;
            else {
                const ch = state.input.charCodeAt(state.position);
                if (propertyStart !== null && allowPropertyMapping && allowBlockStyles && !allowBlockCollections && ch !== 124 && ch !== 62) {
                    const fallbackState = snapshotState(state);
                    const propertyIndent = propertyStart.position - propertyStart.lineStart;
                    restoreState(state, propertyStart);
                    if (readBlockMapping(state, propertyIndent, flowIndent, emptyProperties()) && state.events[fallbackState.eventsLength]?.type === EVENT_ID.MAPPING)
                        hasContent = true;
                    else
                        restoreState(state, fallbackState);
                }
                if (!hasContent && (allowBlockScalars && readBlockScalar(state, flowIndent, props) || readSingleQuotedScalar(state, flowIndent, props) || readDoubleQuotedScalar(state, flowIndent, props) || readAlias(state, props) || readPlainScalar(state, flowIndent, nodeContext, props)))
                    hasContent = true;
            }
        }
        else if (indentStatus === 0)
            hasContent = allowBlockCollections && readBlockSequence(state, blockIndent, props);
    }
    allowBlockScalars = allowBlockScalars && !hasContent;
    if (!hasContent && (props.anchorStart !== NO_RANGE$1 || props.tagStart !== NO_RANGE$1 || allowBlockScalars)) {
        addScalarEvent(state, NO_RANGE$1, NO_RANGE$1, props.anchorStart, props.anchorEnd, props.tagStart, props.tagEnd, SCALAR_STYLE.PLAIN);
        hasContent = true;
    }
    state.depth--;
    return hasContent || props.anchorStart !== NO_RANGE$1 || props.tagStart !== NO_RANGE$1;
}
function checkTabAfterIndicator(state) {
    let i = state.position;
    while (isWhiteSpace(state.input.charCodeAt(i))) {
        if (state.input.charCodeAt(i) === 9) {
            state.position = i;
            throwError(state, "a tab character after an indicator (kubectl refuses it)");
        }
        i++;
    }
}
function readDirective(state) {
    if (state.lineIndent > 0 || state.input.charCodeAt(state.position) !== 37)
        return false;
    state.position++;
    const nameStart = state.position;
    while (state.input.charCodeAt(state.position) !== 0 && !isWsOrEol(state.input.charCodeAt(state.position)))
        state.position++;
    const name = state.input.slice(nameStart, state.position);
    const args = [];
    if (name.length === 0)
        throwError(state, "directive name must not be less than one character in length");
    while (state.input.charCodeAt(state.position) !== 0 && !isEol(state.input.charCodeAt(state.position))) {
        while (isWhiteSpace(state.input.charCodeAt(state.position)))
            state.position++;
        if (state.input.charCodeAt(state.position) === 35 || isEol(state.input.charCodeAt(state.position)) || state.input.charCodeAt(state.position) === 0)
            break;
        const start = state.position;
        while (state.input.charCodeAt(state.position) !== 0 && !isWsOrEol(state.input.charCodeAt(state.position)))
            state.position++;
        args.push(state.input.slice(start, state.position));
    }
    if (isEol(state.input.charCodeAt(state.position)))
        consumeLineBreak(state);
    if (name === "YAML") {
        if (state.directives.some((directive) => directive.kind === "yaml"))
            throwError(state, "duplication of %YAML directive");
        if (args.length !== 1)
            throwError(state, "YAML directive accepts exactly one argument");
        const match = /^([0-9]+)\.([0-9]+)$/.exec(args[0]);
        if (match === null)
            throwError(state, "ill-formed argument of the YAML directive");
        if (parseInt(match[1], 10) !== 1)
            throwError(state, "unacceptable YAML version of the document");
        state.directives.push({
            kind: "yaml",
            version: args[0]
        });
    }
    else if (name === "TAG") {
        if (args.length !== 2)
            throwError(state, "TAG directive accepts exactly two arguments");
        const [handle, prefix] = args;
        if (!PATTERN_TAG_HANDLE.test(handle))
            throwError(state, "ill-formed tag handle (first argument) of the TAG directive");
        if (HAS_OWN.call(state.tagHandlers, handle))
            throwError(state, `there is a previously declared suffix for "${handle}" tag handle`);
        if (!PATTERN_TAG_PREFIX.test(prefix))
            throwError(state, "ill-formed tag prefix (second argument) of the TAG directive");
        state.tagHandlers[handle] = prefix;
        state.directives.push({
            kind: "tag",
            handle,
            prefix
        });
    }
    return true;
}
function readDocument(state) {
    state.directives = [];
    state.tagHandlers = Object.create(null);
    let hasDirectives = false;
    skipSeparationSpace(state, true);
    while (readDirective(state)) {
        hasDirectives = true;
        skipSeparationSpace(state, true);
    }
    let explicitStart = false;
    let explicitEnd = false;
    let allowCompact = true;
    if (state.lineIndent === 0 && state.input.charCodeAt(state.position) === 45 && state.input.charCodeAt(state.position + 1) === 45 && state.input.charCodeAt(state.position + 2) === 45 && isWsOrEolOrEnd(state.input.charCodeAt(state.position + 3))) {
        explicitStart = true;
        const markerLine = state.line;
        state.position += 3;
        skipSeparationSpace(state, true);
        allowCompact = state.line > markerLine;
    }
    else if (hasDirectives)
        throwError(state, "directives end mark is expected");
    const documentEventIndex = state.events.length;
    if (!explicitStart && state.position === state.lineStart && state.input.charCodeAt(state.position) === 46 && testDocumentSeparator(state)) {
        state.position += 3;
        skipSeparationSpace(state, true);
        return;
    }
    addDocumentEvent(state, explicitStart, false);
    if (!parseNode(state, state.lineIndent - 1, CONTEXT_BLOCK_OUT, false, allowCompact, allowCompact))
        addEmptyScalarEvent(state);
    skipSeparationSpace(state, true);
    if (state.firstDocument) {
        if (state.position < state.length && !(state.position === state.lineStart && (testDocumentSeparator(state) || state.input.charCodeAt(state.position) === 37)))
            throwError(state, "end of the stream or a document separator is expected");
        addPopEvent(state);
        state.position = state.length;
        return;
    }
    if (state.position === state.lineStart && testDocumentSeparator(state)) {
        explicitEnd = state.input.charCodeAt(state.position) === 46;
        if (explicitEnd) {
            const markerLine = state.line;
            state.position += 3;
            skipSeparationSpace(state, true);
            if (state.line === markerLine && state.position < state.length)
                throwError(state, "end of the stream or a document separator is expected");
        }
    }
    const documentEvent = state.events[documentEventIndex];
    if (documentEvent?.type === EVENT_ID.DOCUMENT)
        documentEvent.explicitEnd = explicitEnd;
    addPopEvent(state);
    if (!explicitEnd && state.position < state.length && !testDocumentBoundary(state))
        throwError(state, "end of the stream or a document separator is expected");
}
/**
* Parses YAML into a flat event stream referencing source text by offsets.
*
* @category Events
*/
function parseEvents$1(input, options) {
    const length = input.length;
    const state = {
        filename: options.filename ?? DEFAULT_PARSER_OPTIONS.filename,
        maxDepth: options.maxDepth ?? DEFAULT_PARSER_OPTIONS.maxDepth,
        firstDocument: options.firstDocument === true,
        input: `${input}\0`,
        length,
        position: 0,
        line: 0,
        lineStart: 0,
        lineIndent: 0,
        firstTabInLine: -1,
        depth: 0,
        flowLevel: 0,
        blankScanUntil: -1,
        directives: [],
        tagHandlers: Object.create(null),
        events: []
    };
    const nullpos = input.indexOf("\0");
    if (nullpos !== -1)
        YAMLException.throwAt(input, nullpos, "null byte is not allowed in input", state.filename);
    while (state.position < state.length) {
        skipByteOrderMark(state);
        skipSeparationSpace(state, true);
        if (state.position >= state.length)
            break;
        const documentStart = state.position;
        readDocument(state);
        if (state.position === documentStart)
            /* c8 ignore next */
            throwError(state, "can not read a document");
    }
    return state.events;
}

// YAML text → position tree + plain value, read the way kubectl reads it (docs/yaml.md): js-yaml 5's event parser
// (src/manifests/js-yaml-parser.ts, patched to go-yaml v2's syntax) and one tree pass that builds the plain value
// with go-yaml v2's YAML 1.1 scalars, last-wins duplicate keys and positional `<<` merges.
const parseEvents = parseEvents$1;
/**
 * Nesting allowed. go-yaml stops at 10,000 levels; js-yaml's parser recurses per level, so the limit here is
 * lower (no manifest nests a tenth as deep; CRD schemas nest a few dozen levels).
 */
const MAX_DEPTH = 1000;
/** The longest implicit key libyaml accepts: its `:` must come within 1024 characters of the key's start. */
const MAX_SIMPLE_KEY = 1024;
class YamlError extends Error {
    fileOffset;
    constructor(message, fileOffset) {
        super(message);
        this.fileOffset = fileOffset;
    }
}
/** Start offset of every line of `text`; the basis of offset → line lookups. */
function lineStarts(text) {
    const starts = [0];
    let i = text.indexOf('\n');
    while (i !== -1) {
        starts.push(i + 1);
        i = text.indexOf('\n', i + 1);
    }
    return starts;
}
/** 1-based line of an offset, by binary search over lineStarts. */
function lineAt(starts, offset) {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (starts[mid] <= offset)
            lo = mid;
        else
            hi = mid - 1;
    }
    return lo + 1;
}
/**
 * Offset → line for offsets that arrive almost in order (the event stream is in source order): a cursor that steps
 * from the previous answer costs O(1) per lookup; a jump of more than a few lines is a binary search, so that
 * documents parsed one after another in a big file never walk from line 1 again.
 */
class LineCursor {
    starts;
    index = 0;
    constructor(starts) {
        this.starts = starts;
    }
    line(offset) {
        const starts = this.starts;
        let i = this.index;
        if (offset < starts[i]) {
            if (i < 64 || offset < starts[i - 64])
                return (this.index = lineAt(starts, offset) - 1) + 1;
            do {
                i--;
            } while (offset < starts[i]);
        }
        else {
            const last = starts.length - 1;
            if (i + 64 <= last && starts[i + 64] <= offset)
                return (this.index = lineAt(starts, offset) - 1) + 1;
            while (i < last && starts[i + 1] <= offset) {
                i++;
            }
        }
        this.index = i;
        return i + 1;
    }
}
const STYLE_NAMES = {
    [SCALAR_STYLE.PLAIN]: 'plain',
    [SCALAR_STYLE.SINGLE_QUOTED]: 'single',
    [SCALAR_STYLE.DOUBLE_QUOTED]: 'double',
    [SCALAR_STYLE.LITERAL_BLOCK]: 'literal',
    [SCALAR_STYLE.FOLDED_BLOCK]: 'folded'
};
/**
 * The first document of `text`, as go-yaml v2's Unmarshal reads it (what kubectl does with each `---` chunk, and
 * istiod with the mesh config): a `...`, a directive or a `---` ends it and nothing after it is read. Null when the
 * text holds no document. Throws YamlError with the file offset of the first problem.
 */
function parseDocument(text, options = {}) {
    const offset = options.offset ?? 0;
    let events;
    try {
        events = parseEvents(text, { maxDepth: MAX_DEPTH, firstDocument: true });
    }
    catch (error) {
        throw asYamlError(error, offset, text.length);
    }
    if (events.length === 0)
        return null;
    const builder = new TreeBuilder(text, offset, options.cursor ?? new LineCursor(options.starts ?? lineStarts(text)));
    return builder.build(events)[0] ?? null;
}
/**
 * Every document of a text in one parse, for texts where YAML's own document splitting is kubectl's: no line that
 * starts with `...` or `%`, and no content on a `---` line (splitDocuments says so). One entry per document, null
 * for an empty one. Throws on the first problem; the caller then reads the text chunk by chunk.
 */
function parseStream(text, options = {}) {
    const offset = options.offset ?? 0;
    let events;
    try {
        events = parseEvents(text, { maxDepth: MAX_DEPTH });
    }
    catch (error) {
        throw asYamlError(error, offset, text.length);
    }
    return new TreeBuilder(text, offset, options.cursor ?? new LineCursor(options.starts ?? lineStarts(text))).build(events);
}
/**
 * Every document of `text` as kubectl reads a file: one document per `---` chunk (splitDocuments), each read by
 * parseDocument; empty chunks give nothing. Throws the first problem (parseManifestFile reports them per document).
 */
function parseYaml(text, options = {}) {
    const offset = options.offset ?? 0;
    const cursor = options.cursor ?? new LineCursor(options.starts ?? lineStarts(text));
    const out = [];
    for (const chunk of splitDocuments(text)) {
        if (chunk.error)
            throw new YamlError(chunk.error, chunk.errorOffset + offset);
        const doc = parseDocument(text.slice(chunk.start, chunk.end), { offset: offset + chunk.start, cursor });
        if (doc)
            out.push(doc);
    }
    return out;
}
/**
 * kubectl's document splitter (k8s.io/apimachinery's YAMLReader): a line that starts with `---` separates
 * documents whatever the YAML around it; after the dashes only blanks or a comment may follow. Lines end at `\n`
 * only (a lone `\r` does not end one, as in its line reader).
 */
function splitDocuments(text) {
    const chunks = [];
    chunks.whole = true;
    let chunkStart = 0;
    let pendingError;
    let pendingErrorAt = 0;
    let lineStart = 0;
    while (lineStart <= text.length) {
        let next = text.indexOf('\n', lineStart);
        if (next === -1)
            next = text.length;
        const first = text.charCodeAt(lineStart);
        if ((first === 46 && text.startsWith('...', lineStart)) || first === 37 || (first === 0xfeff && lineStart > 0))
            chunks.whole = false;
        else if (first === 45 && text.startsWith('---', lineStart)) {
            const rest = text.slice(lineStart + 3, next).trim();
            if (lineStart > chunkStart || pendingError)
                chunks.push({ start: chunkStart, end: lineStart, errorOffset: pendingErrorAt, ...(pendingError ? { error: pendingError } : {}) });
            pendingError = undefined;
            if (rest !== '' && rest[0] !== '#') {
                chunks.whole = false;
                pendingError = `content after the document marker on the same line (\`--- ${rest.length > 40 ? `${rest.slice(0, 40)}…` : rest}\`), which kubectl refuses`;
                pendingErrorAt = lineStart;
            }
            chunkStart = next + 1;
        }
        lineStart = next + 1;
    }
    if (chunkStart < text.length || pendingError)
        chunks.push({ start: Math.min(chunkStart, text.length), end: text.length, errorOffset: pendingErrorAt, ...(pendingError ? { error: pendingError } : {}) });
    return chunks;
}
/**
 * Compatibility form of parseYaml for text embedded elsewhere: nodes are built in `text`'s own coordinates
 * and then moved by `map` (one pass over the usually small tree).
 */
function parseYamlDocuments(text, map) {
    let docs;
    try {
        docs = parseYaml(text);
    }
    catch (error) {
        if (error instanceof YamlError)
            throw new YamlError(error.message, map.offset(Math.min(error.fileOffset, Math.max(0, text.length - 1))));
        throw error;
    }
    for (const doc of docs) {
        forEachNode(doc.root, (node) => {
            const start = map.offset(node.start);
            const end = node.end > node.start ? map.offset(node.end - 1) + 1 : start;
            node.start = start;
            node.end = end;
            node.line = map.line(start);
            node.endLine = map.line(Math.max(start, end - 1));
        });
    }
    return docs;
}
/** Every own node of a tree, keys included, each once; aliases are not followed. */
function forEachNode(root, visit) {
    if (!root)
        return;
    const stack = [root];
    while (stack.length) {
        const node = stack.pop();
        visit(node);
        if (node.kind === 'map') {
            for (const e of node.entries) {
                stack.push(e.keyNode);
                if (e.value)
                    stack.push(e.value);
            }
        }
        else if (node.kind === 'seq') {
            for (const item of node.items)
                stack.push(item);
        }
    }
}
/** js-yaml's limit messages name its options; say what the limit is for instead. */
const LIMIT_MESSAGES = [[/maxDepth/, `nesting deeper than ${MAX_DEPTH} levels`]];
function asYamlError(error, offset, length) {
    if (error instanceof RangeError)
        return new YamlError(`nesting too deep to read`, offset);
    const e = error;
    let reason = e.reason ?? e.message?.split('\n')[0] ?? String(error);
    for (const [pattern, message] of LIMIT_MESSAGES)
        if (pattern.test(reason))
            reason = message;
    const at = typeof e.mark?.position === 'number' ? Math.min(e.mark.position, length) : 0;
    return new YamlError(reason, at + offset);
}
// ---------------------------------------------------------------------------------------------------------------
// YAML 1.1 scalars as go-yaml v2 resolves them (resolve.go), and keys as sigs.k8s.io/yaml turns them into strings.
const TAG = 'tag:yaml.org,2002:';
/** First characters that may make a plain scalar something other than a string (go-yaml's resolve table). */
const HINT = new Uint8Array(128);
for (const c of '+-')
    HINT[c.charCodeAt(0)] = 1;
for (const c of '0123456789')
    HINT[c.charCodeAt(0)] = 2;
for (const c of 'yYnNtTfFoO~')
    HINT[c.charCodeAt(0)] = 3;
HINT['.'.charCodeAt(0)] = 4;
const WORDS = new Map();
for (const w of ['y', 'Y', 'yes', 'Yes', 'YES', 'true', 'True', 'TRUE', 'on', 'On', 'ON'])
    WORDS.set(w, ['bool', true]);
for (const w of ['n', 'N', 'no', 'No', 'NO', 'false', 'False', 'FALSE', 'off', 'Off', 'OFF'])
    WORDS.set(w, ['bool', false]);
for (const w of ['', '~', 'null', 'Null', 'NULL'])
    WORDS.set(w, ['null', null]);
for (const w of ['.nan', '.NaN', '.NAN'])
    WORDS.set(w, ['float', NaN]);
for (const w of ['.inf', '.Inf', '.INF', '+.inf', '+.Inf', '+.INF'])
    WORDS.set(w, ['float', Infinity]);
for (const w of ['-.inf', '-.Inf', '-.INF'])
    WORDS.set(w, ['float', -Infinity]);
const GO_INT = /^([-+]?)(0[xX][0-9a-fA-F]+|0[oO][0-7]+|0[bB][01]+|0[0-7]*|[1-9][0-9]*)$/;
const YAML_FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;
const DOT_FLOAT = /^\.[0-9]+([eE][-+]?[0-9]+)?$/;
const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;
const UINT64_MAX = 2n ** 64n - 1n;
/** The kind of the last resolve() result, and the exact digits of a big integer (keys need them). */
let resolvedKind = 'str';
let resolvedDigits = '';
/** Go's strconv.ParseInt(s, 0, 64), then ParseUint: the integer, or undefined. */
function goInt(s) {
    const m = GO_INT.exec(s);
    if (!m)
        return undefined;
    const body = m[2];
    if (body.length <= 15 && (body.length === 1 || body.charCodeAt(0) !== 48)) {
        const n = Number(body);
        resolvedDigits = '';
        return m[1] === '-' ? (n === 0 ? 0 : -n) : n;
    }
    const lead = body.charCodeAt(1) | 32;
    const big = BigInt(body.charCodeAt(0) !== 48 || lead === 120 || lead === 111 || lead === 98 ? body : `0o${body.slice(1) || '0'}`);
    const signed = m[1] === '-' ? -big : big;
    if (signed < INT64_MIN || signed > UINT64_MAX || (m[1] !== '' && signed > INT64_MAX))
        return undefined;
    resolvedDigits = signed.toString();
    return Number(signed);
}
/** go-yaml v2's resolve("", text) for a plain scalar: its value; resolvedKind says what it is. */
function resolve(text, explicit = '') {
    const c = text.length === 0 ? -1 : text.charCodeAt(0);
    const hint = c === -1 ? 3 : c < 128 ? HINT[c] : 0;
    resolvedKind = 'str';
    if (hint === 0)
        return text;
    const word = WORDS.get(text);
    if (word) {
        resolvedKind = word[0];
        return word[1];
    }
    if (hint === 4) {
        if (DOT_FLOAT.test(text)) {
            resolvedKind = 'float';
            return Number(text);
        }
    }
    else if (hint !== 3) {
        if ((explicit === '' || explicit === 'timestamp') && isTimestamp(text)) {
            resolvedKind = 'timestamp';
            return text;
        }
        const plain = text.includes('_') ? text.replace(/_/g, '') : text;
        const int = goInt(plain);
        if (int !== undefined) {
            resolvedKind = 'int';
            return int;
        }
        if (YAML_FLOAT.test(plain)) {
            const f = Number(plain);
            if (Number.isFinite(f)) {
                resolvedKind = 'float';
                return f;
            }
        }
        const bin = /^(-?)0b([-+]?[01]+)$/.exec(plain);
        if (bin) {
            const digits = bin[1] === '-' ? (bin[2].startsWith('-') || bin[2].startsWith('+') ? undefined : `-${bin[2]}`) : bin[2];
            if (digits !== undefined) {
                const big = digits.startsWith('-') ? -BigInt(`0b${digits.slice(1)}`) : BigInt(`0b${digits.replace('+', '')}`);
                if (big >= INT64_MIN && big <= INT64_MAX) {
                    resolvedKind = 'int';
                    resolvedDigits = big.toString();
                    return Number(big);
                }
            }
        }
    }
    return text;
}
/** go-yaml v2 tries time.Parse with a few layouts, all starting `YYYY-`. */
function isTimestamp(s) {
    if (s.length < 8 || s.charCodeAt(4) !== 45)
        return false;
    return /^\d{4}-\d{1,2}-\d{1,2}(?:(?:[Tt]\d{1,2}:\d{1,2}:\d{1,2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2}))|(?: \d{1,2}:\d{1,2}:\d{1,2}(?:\.\d+)?))?$/.test(s);
}
/** A tag as written (`!!int`, `!<tag:…>`, `!Ref`, `!`) → the full tag go-yaml compares. */
function fullTag(written) {
    if (written.startsWith('!!'))
        return TAG + written.slice(2);
    if (written.startsWith('!<') && written.endsWith('>'))
        return written.slice(2, -1);
    return written;
}
const RESOLVABLE = new Set(['str', 'bool', 'int', 'float', 'null', 'timestamp']);
/** A scalar with an explicit tag, as go-yaml v2 decodes it; throws a message when the text does not fit the tag. */
function resolveTagged(written, text) {
    const tag = fullTag(written);
    const short = tag.startsWith(TAG) ? tag.slice(TAG.length) : '';
    if (short === 'binary') {
        const b64 = text.replace(/[\r\n]/g, '');
        if (b64.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(b64))
            throw new TagError('!!binary value contains invalid base64 data');
        resolvedKind = 'str';
        return Buffer.from(b64, 'base64').toString('utf8');
    }
    if (!RESOLVABLE.has(short)) {
        resolvedKind = 'str';
        return text;
    }
    if (short === 'str') {
        resolvedKind = 'str';
        return text;
    }
    const value = resolve(text, short);
    if (resolvedKind === short)
        return value;
    if (short === 'float' && resolvedKind === 'int') {
        resolvedKind = 'float';
        return value;
    }
    throw new TagError(`cannot decode !!${resolvedKind} \`${text.length > 40 ? `${text.slice(0, 40)}…` : text}\` as a !!${short}`);
}
class TagError extends Error {
}
/** sigs.k8s.io/yaml turns a float key into strconv.FormatFloat(f, 'g', -1, 32). */
function goFloatKey(f) {
    if (Number.isNaN(f))
        return '.nan';
    if (!Number.isFinite(f))
        return f > 0 ? '.inf' : '-.inf';
    const f32 = Math.fround(f);
    if (f32 === 0)
        return Object.is(f32, -0) ? '-0' : '0';
    let e = '';
    for (let p = 1; p <= 9; p++) {
        e = f32.toExponential(p - 1);
        if (Math.fround(Number(e)) === f32)
            break;
    }
    const [mantissa, expText] = e.split('e');
    const negative = mantissa.startsWith('-');
    const digits = mantissa.replace(/^-/, '').replace('.', '');
    const exp = Number(expText);
    let out;
    if (exp < -4 || exp >= 6) {
        const abs = Math.abs(exp);
        out = `${digits[0]}${digits.length > 1 ? `.${digits.slice(1)}` : ''}e${exp < 0 ? '-' : '+'}${abs < 10 ? `0${abs}` : abs}`;
    }
    else if (exp >= 0) {
        const int = digits.slice(0, exp + 1).padEnd(exp + 1, '0');
        const frac = digits.slice(exp + 1);
        out = frac ? `${int}.${frac}` : int;
    }
    else {
        out = `0.${'0'.repeat(-exp - 1)}${digits}`;
    }
    return negative ? `-${out}` : out;
}
/** The string key sigs.k8s.io/yaml makes of a resolved key, or an error message. */
function keyString(value, kind, text) {
    switch (kind) {
        case 'str':
        case 'timestamp':
            return kind === 'timestamp' ? text : value;
        case 'bool':
            return value ? 'true' : 'false';
        case 'int':
            return Number.isSafeInteger(value) ? String(value) : resolvedDigits || String(value);
        case 'float':
            return goFloatKey(value);
        case 'null':
            return { problem: 'a null key (`~`, `null` or nothing before the `:`), which kubectl refuses' };
    }
}
/** go-yaml v2's alias ratio (decode.go allowedAliasRatio): how much of a document may come from aliases. */
function allowedAliasRatio(decodeCount) {
    if (decodeCount <= 400_000)
        return 0.99;
    if (decodeCount >= 4_000_000)
        return 0.1;
    return 0.99 - 0.89 * ((decodeCount - 400_000) / 3_600_000);
}
const hasOwn$1 = Object.prototype.hasOwnProperty;
function setKey(object, key, value) {
    if (key === '__proto__')
        Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
    else
        object[key] = value;
}
/**
 * Builds the position tree of one document's event stream and, in the same pass, its plain value as go-yaml v2
 * decodes it and sigs.k8s.io/yaml turns it into JSON.
 */
class TreeBuilder {
    text;
    offset;
    lines;
    docValue = undefined;
    stack = [];
    /** The innermost open collection (the stack's last frame), kept apart to save a lookup per node. */
    top = undefined;
    anchors = new Map();
    docRoot = null;
    decodeCount = 1;
    aliasCount = 0;
    /** Where a scalar resolved to ±Inf or NaN (JSON has no such number): checked on the final value. */
    nonFinite = -1;
    duplicates = [];
    /** Local offset where the last placed node ended: where an empty (null) scalar is placed. */
    cursor = 0;
    constructor(text, offset, lines) {
        this.text = text;
        this.offset = offset;
        this.lines = lines;
    }
    /** One entry per document of the stream: null for an empty one. */
    build(events) {
        const out = [];
        let open = false;
        for (let i = 0; i < events.length; i++) {
            const ev = events[i];
            switch (ev.type) {
                case EVENT_ID.DOCUMENT:
                    if (open)
                        out.push(this.endDocument());
                    open = true;
                    break;
                case EVENT_ID.SCALAR:
                    this.scalar(ev);
                    break;
                case EVENT_ID.MAPPING:
                case EVENT_ID.SEQUENCE:
                    this.open(ev.type === EVENT_ID.MAPPING, ev.start, ev.style === COLLECTION_STYLE.FLOW, ev.anchorStart, ev.anchorEnd);
                    break;
                case EVENT_ID.ALIAS:
                    this.alias(ev.anchorStart, ev.anchorEnd);
                    break;
                case EVENT_ID.POP:
                    // The document's own POP finds an empty stack.
                    if (this.top !== undefined)
                        this.close();
                    break;
            }
        }
        if (open)
            out.push(this.endDocument());
        return out;
    }
    endDocument() {
        const root = this.docRoot;
        const value = this.docValue;
        const duplicates = this.duplicates;
        const nonFinite = this.nonFinite;
        this.docRoot = null;
        this.docValue = undefined;
        this.duplicates = [];
        this.nonFinite = -1;
        this.decodeCount = 1;
        this.aliasCount = 0;
        // Anchors do not reach across documents.
        if (this.anchors.size)
            this.anchors.clear();
        if (root === null)
            return null;
        if (nonFinite >= 0 && hasNonFinite(value))
            throw this.error('a number JSON cannot hold (`.inf` or `.nan`), which kubectl refuses', nonFinite);
        return { root, value, duplicates };
    }
    error(message, local) {
        return new YamlError(message, local + this.offset);
    }
    scalar(ev) {
        const text = this.text;
        let start = ev.valueStart;
        let end = ev.valueEnd;
        let value;
        if (start < 0) {
            // A document that is only `---` has an empty untagged scalar for a root: no document at all.
            if (this.top === undefined && ev.tagStart < 0 && ev.anchorStart < 0) {
                this.docValue = null;
                return;
            }
            // An empty (null) value has no offsets: place it after its tag or anchor, else where the previous node ended.
            start = end = ev.tagEnd >= 0 ? Math.max(ev.tagEnd, ev.anchorEnd) : ev.anchorEnd >= 0 ? ev.anchorEnd : this.cursor;
            value = '';
        }
        else {
            value = ev.fast ? text.slice(start, end) : getScalarValue(text, ev);
        }
        const style = STYLE_NAMES[ev.style] ?? 'plain';
        if (style === 'literal' || style === 'folded') {
            // js-yaml's range of a block scalar runs over its trailing blank lines; they are layout, and line edits
            // must keep them: the scalar ends with its last non-blank line (terminator excluded).
            let last = end - 1;
            while (last >= start && isSpace(text.charCodeAt(last)))
                last--;
            if (last >= start) {
                end = text.indexOf('\n', last);
                if (end === -1)
                    end = text.length;
                if (text.charCodeAt(end - 1) === 13)
                    end--;
            }
            else if (start > 0 && text.charCodeAt(start - 1) === 10) {
                // An all-blank block sits at the end of its header line (`mesh: |`), not on the line after it.
                start = end = text.charCodeAt(start - 2) === 13 ? start - 2 : start - 1;
            }
            else {
                end = start;
            }
        }
        const line = this.lines.line(start + this.offset);
        const tag = ev.tagStart >= 0 ? text.slice(ev.tagStart, ev.tagEnd) : undefined;
        const node = {
            kind: 'scalar',
            text: value,
            style,
            tag,
            start: start + this.offset,
            end: end + this.offset,
            line,
            endLine: end - 1 > start ? this.lines.line(end - 1 + this.offset) : line
        };
        if (end > this.cursor)
            this.cursor = end;
        // go-yaml resolves an untagged plain scalar (YAML 1.1); quoted and block scalars are strings.
        let plain = value;
        resolvedKind = 'str';
        if (tag !== undefined) {
            try {
                plain = resolveTagged(tag, value);
            }
            catch (error) {
                if (error instanceof TagError)
                    throw this.error(error.message, ev.tagStart);
                throw error;
            }
        }
        else if (style === 'plain') {
            plain = resolve(value);
        }
        const kind = resolvedKind;
        if (kind === 'float' && !Number.isFinite(plain) && this.nonFinite < 0)
            this.nonFinite = start;
        if (ev.anchorStart >= 0)
            this.anchors.set(text.slice(ev.anchorStart, ev.anchorEnd), { node, size: 1, value: plain });
        const frame = this.top;
        if (frame !== undefined && frame.node.kind === 'map' && frame.keyNode === undefined) {
            this.key(frame, node, plain, kind, value, ev.tagStart >= 0 ? ev.tagStart : ev.anchorStart >= 0 ? ev.anchorStart - 1 : style === 'single' || style === 'double' ? start - 1 : start, end + (style === 'single' || style === 'double' ? 1 : 0));
            return;
        }
        this.decodeCount++;
        this.place(node, end, 1, plain);
    }
    /** A scalar (or an alias to one) in key position: kubectl's string for it, merge keys, the simple-key length. */
    key(frame, node, plain, kind, text, keyStart, keyEnd, count = true) {
        frame.end = keyEnd;
        frame.keyNode = node;
        if (node.kind === 'scalar' && text === '<<' && node.style === 'plain' && (node.tag === undefined || fullTag(node.tag) === `${TAG}merge`)) {
            frame.merge = true;
            frame.key = '<<';
            return;
        }
        if (keyEnd - keyStart > MAX_SIMPLE_KEY - 24)
            this.checkSimpleKey(keyStart, keyEnd);
        const key = keyString(plain, kind, text);
        if (typeof key !== 'string')
            throw this.error(key.problem, node.start - this.offset);
        frame.merge = false;
        frame.key = key;
        if (count)
            this.decodeCount++;
        frame.size++;
    }
    /** libyaml: an implicit key's `:` must come within 1024 characters of where the key starts. */
    checkSimpleKey(keyStart, keyEnd) {
        const text = this.text;
        let i = keyEnd;
        while (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)
            i++;
        if (text.charCodeAt(i) !== 58)
            return;
        let j = keyStart - 1;
        while (j >= 0 && (text.charCodeAt(j) === 32 || text.charCodeAt(j) === 9))
            j--;
        if (j >= 0 && text.charCodeAt(j) === 63)
            return; // `? key`: an explicit key has no length limit
        let length = i - keyStart;
        if (length > MAX_SIMPLE_KEY)
            for (let k = keyStart; k < i; k++)
                if ((text.charCodeAt(k) & 0xfc00) === 0xdc00)
                    length--;
        if (length > MAX_SIMPLE_KEY)
            throw this.error(`a key longer than ${MAX_SIMPLE_KEY} characters, which kubectl refuses`, keyStart);
    }
    open(isMap, start, flow, anchorStart, anchorEnd) {
        const top = this.top;
        if (top !== undefined && top.node.kind === 'map' && top.keyNode === undefined)
            throw this.error(`a ${isMap ? 'mapping' : 'sequence'} used as a key, which kubectl refuses`, start);
        const at = start + this.offset;
        const line = this.lines.line(at);
        const node = isMap
            ? { kind: 'map', flow, entries: [], start: at, end: at, line, endLine: line }
            : { kind: 'seq', flow, items: [], start: at, end: at, line, endLine: line };
        let anchor;
        if (anchorStart >= 0) {
            anchor = this.text.slice(anchorStart, anchorEnd);
            this.anchors.set(anchor, { node, size: -1, value: undefined });
        }
        if (start > this.cursor)
            this.cursor = start;
        const frame = { node, end: start, key: undefined, keyNode: undefined, merge: false, size: 1, anchor, value: isMap ? {} : [], merged: undefined, index: undefined, dead: undefined };
        this.decodeCount++;
        // A sequence merged with `<<` is not decoded as a node itself, only its maps are.
        if (!isMap && top !== undefined && top.merge) {
            frame.size = 0;
            this.decodeCount--;
        }
        this.stack.push(frame);
        this.top = frame;
    }
    close() {
        const frame = this.stack.pop();
        this.top = this.stack[this.stack.length - 1];
        const node = frame.node;
        let end = frame.end;
        // A flow collection ends at its closing bracket, which may sit lines below its last item.
        if (node.flow)
            end = closingBracket(this.text, end === node.start - this.offset ? end + 1 : end, node.kind === 'map' ? 125 : 93);
        node.end = end + this.offset;
        node.endLine = end > node.start - this.offset ? this.lines.line(end - 1 + this.offset) : node.line;
        if (frame.dead !== undefined && node.kind === 'map') {
            const dead = new Set(frame.dead);
            node.entries = node.entries.filter((_, i) => !dead.has(i));
        }
        if (frame.anchor !== undefined) {
            const anchor = this.anchors.get(frame.anchor);
            if (anchor && anchor.node === node) {
                anchor.size = frame.size;
                anchor.value = frame.value;
            }
        }
        if (end > this.cursor)
            this.cursor = end;
        this.place(node, end, frame.size, frame.value);
    }
    // Anchor and alias offsets exclude the `&` and `*` sigils: the name is text[anchorStart, anchorEnd).
    alias(anchorStart, anchorEnd) {
        const name = this.text.slice(anchorStart, anchorEnd);
        const anchor = this.anchors.get(name);
        const start = anchorStart - 1;
        if (!anchor)
            throw this.error(`alias *${name} refers to no anchor before it in this document`, start);
        // A recursive alias makes the plain value circular: every consumer that walks it would never stop.
        if (anchor.size < 0)
            throw this.error(`alias *${name} refers to a node that contains it (a recursive structure)`, start);
        this.decodeCount += 1 + anchor.size;
        this.aliasCount += anchor.size;
        if (this.aliasCount > 100 && this.decodeCount > 1000 && this.aliasCount / this.decodeCount > allowedAliasRatio(this.decodeCount)) {
            throw this.error('aliases make up most of this document (excessive aliasing, an alias bomb), which kubectl refuses', start);
        }
        const line = this.lines.line(start + this.offset);
        const node = { kind: 'alias', anchor: name, target: anchor.node, start: start + this.offset, end: anchorEnd + this.offset, line, endLine: line };
        if (anchorEnd > this.cursor)
            this.cursor = anchorEnd;
        const frame = this.top;
        if (frame !== undefined && frame.node.kind === 'map' && frame.keyNode === undefined) {
            // An alias as a key: the key is what the anchored scalar resolves to.
            const target = anchor.node;
            if (target.kind !== 'scalar')
                throw this.error(`alias *${name} used as a key stands for a ${target.kind === 'map' ? 'mapping' : 'sequence'}, which kubectl refuses`, start);
            let value = target.text;
            resolvedKind = 'str';
            if (target.tag !== undefined)
                value = resolveTagged(target.tag, target.text);
            else if (target.style === 'plain')
                value = resolve(target.text);
            this.key(frame, node, value, resolvedKind, target.text, start, anchorEnd, false);
            frame.size += anchor.size;
            return;
        }
        this.place(node, anchorEnd, 1 + anchor.size, anchor.value);
    }
    place(node, end, size, value) {
        const frame = this.top;
        if (frame === undefined) {
            this.docRoot = node;
            this.docValue = value;
            return;
        }
        frame.end = end;
        const parent = frame.node;
        if (parent.kind === 'seq') {
            frame.size += size;
            parent.items.push(node);
            frame.value.push(value);
            return;
        }
        const keyNode = frame.keyNode;
        const key = frame.key;
        parent.entries.push({ key, keyNode, value: node });
        frame.key = undefined;
        frame.keyNode = undefined;
        if (frame.merge) {
            frame.merge = false;
            // A merge key is not decoded; its value is (a merged sequence counted only its maps, see open()).
            frame.size += node.kind === 'seq' ? size - 1 : size;
            this.merge(frame, node, value);
            return;
        }
        frame.size += size;
        const object = frame.value;
        if (hasOwn$1.call(object, key)) {
            if (frame.merged?.has(key))
                frame.merged.delete(key);
            else
                this.duplicate(frame, key, keyNode);
        }
        if (frame.index !== undefined)
            frame.index.set(key, parent.entries.length - 1);
        setKey(object, key, value);
    }
    duplicate(frame, key, keyNode) {
        const entries = frame.node.entries;
        if (frame.index === undefined) {
            frame.index = new Map();
            for (let i = 0; i < entries.length - 1; i++)
                if (!isMergeKey(entries[i]))
                    frame.index.set(entries[i].key, i);
        }
        const i = frame.index.get(key);
        if (i === undefined)
            return;
        const first = entries[i].keyNode;
        (frame.dead ??= []).push(i);
        const sameText = first.kind === 'scalar' && keyNode.kind === 'scalar' && first.text === keyNode.text;
        this.duplicates.push({ key, node: keyNode, first, sameText });
    }
    /** go-yaml v2 merges in place: the merged keys override keys before the `<<`, later keys override them. */
    merge(frame, node, value) {
        const sources = [];
        const target = node.kind === 'alias' ? node.target : node;
        if (target?.kind === 'map')
            sources.push(value);
        else if (node.kind === 'seq') {
            // Earlier maps of the list win: apply from the last one.
            const items = value;
            for (let i = node.items.length - 1; i >= 0; i--) {
                const item = node.items[i];
                const itemTarget = item.kind === 'alias' ? item.target : item;
                if (itemTarget?.kind !== 'map')
                    throw this.error('a `<<` merge needs a mapping or a list of mappings', item.start - this.offset);
                sources.push(items[i]);
            }
        }
        else {
            throw this.error('a `<<` merge needs a mapping or a list of mappings', node.start - this.offset);
        }
        const object = frame.value;
        const merged = (frame.merged ??= new Set());
        for (const source of sources) {
            const map = source;
            for (const key in map) {
                if (!hasOwn$1.call(map, key))
                    continue;
                setKey(object, key, map[key]);
                merged.add(key);
            }
        }
    }
}
function isMergeKey(entry) {
    return entry.key === '<<' && entry.keyNode.kind === 'scalar' && entry.keyNode.style === 'plain';
}
/** Whether a plain value holds ±Inf or NaN anywhere (only called when a scalar resolved to one). */
function hasNonFinite(value) {
    const stack = [value];
    const seen = new Set();
    while (stack.length) {
        const v = stack.pop();
        if (typeof v === 'number') {
            if (!Number.isFinite(v))
                return true;
        }
        else if (v !== null && typeof v === 'object' && !seen.has(v)) {
            seen.add(v);
            for (const child of Array.isArray(v) ? v : Object.values(v))
                stack.push(child);
        }
    }
    return false;
}
function isSpace(c) {
    return c === 10 || c === 13 || c === 32 || c === 9;
}
/**
 * Offset just past the bracket that closes a flow collection, scanning from where its last child ended.
 * Only blanks, commas, `:`, `?` and comments may stand in between; a comment may itself hold a bracket.
 */
function closingBracket(text, from, bracket) {
    for (let i = from; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c === bracket)
            return i + 1;
        if (c === 35 /* # */) {
            const nl = text.indexOf('\n', i);
            if (nl === -1)
                break;
            i = nl;
        }
    }
    return from;
}

/** Istio's Helm charts, by the names they are published and vendored under. */
const ISTIO_CHARTS$1 = {
    base: 'base', 'istio-base': 'base',
    istiod: 'istiod', 'istio-discovery': 'istiod', 'istiod-remote': 'istiod', 'istio-control': 'istiod',
    gateway: 'gateway', 'istio-gateway': 'gateway', 'istio-ingressgateway': 'gateway', 'istio-egressgateway': 'gateway',
    cni: 'cni', 'istio-cni': 'cni',
    ztunnel: 'ztunnel'
};
/** Chart names that other projects use too: from a named source, they count as Istio's only with an `istio` hint. */
const GENERIC_CHARTS$1 = new Set(['base', 'gateway', 'cni']);
/** Top-level keys of Istio chart values: a values file with any of these is taken for Istio values. */
const ISTIO_VALUE_KEYS = new Set([
    'pilot', 'meshConfig', 'sidecarInjectorWebhook', 'istiodRemote', 'istio_cni', 'revisionTags', 'telemetry',
    'global', 'cni', 'ztunnel', 'profile', 'compatibilityVersion', 'defaultRevision', '_internal_defaults_do_not_set',
    'base', 'revision', 'istioNamespace', 'networkGateway'
]);
/** Keys that only Istio values have (global alone is too common across charts). */
const ISTIO_ONLY_KEYS = new Set(['pilot', 'meshConfig', 'sidecarInjectorWebhook', 'istiodRemote', 'istio_cni', 'revisionTags', 'compatibilityVersion', '_internal_defaults_do_not_set', 'istioNamespace', 'networkGateway']);
const WORKLOAD_KINDS$1 = new Set(['Deployment', 'StatefulSet', 'DaemonSet', 'Pod', 'Job', 'CronJob', 'ReplicaSet', 'ReplicationController', 'Rollout']);
function recognise(doc, ctx) {
    const value = doc.value;
    if (!isObject(value))
        return doc;
    const apiVersion = value.apiVersion;
    const kind = value.kind;
    if (typeof apiVersion === 'string' && typeof kind === 'string') {
        const metadata = isObject(value.metadata) ? value.metadata : {};
        doc.kind = 'resource';
        doc.resource = {
            apiVersion,
            kind,
            ...(typeof metadata.namespace === 'string' ? { namespace: metadata.namespace } : {}),
            ...(typeof metadata.name === 'string' ? { name: metadata.name } : {})
        };
        doc.family = familyOf(apiVersion, kind, value, metadata);
        doc.embedded = embeddedOf(doc, ctx);
        return doc;
    }
    const chart = helmValuesChart(doc.file, value);
    if (chart) {
        doc.kind = 'helm-values';
        doc.chart = chart;
        doc.embedded = [{ role: 'helm-values', chart, at: [], root: doc.root, value }, ...meshConfigIn(doc.root, value, [])];
    }
    return doc;
}
function groupOf$1(apiVersion) {
    const slash = apiVersion.lastIndexOf('/');
    return slash === -1 ? '' : apiVersion.slice(0, slash);
}
function familyOf(apiVersion, kind, value, metadata) {
    const group = groupOf$1(apiVersion);
    if (group === 'install.istio.io')
        return 'istio-operator';
    if (group.endsWith('.istio.io'))
        return 'istio';
    if (group === 'gateway.networking.k8s.io' || group === 'gateway.networking.x-k8s.io')
        return 'gateway-api';
    if (group === 'inference.networking.k8s.io' || group === 'inference.networking.x-k8s.io')
        return 'inference';
    if (WORKLOAD_KINDS$1.has(kind))
        return 'workload';
    if (kind === 'Namespace' && group === '')
        return 'namespace';
    if (kind === 'Service' && group === '')
        return 'service';
    if (kind === 'ConfigMap' && group === '' && isMeshConfigMap(metadata.name, value.data))
        return 'mesh-configmap';
    // Every release is one (rules match chart names themselves); doc.chart tells when it installs an Istio chart.
    if ((kind === 'HelmRelease' && group === 'helm.toolkit.fluxcd.io') || ((kind === 'Application' || kind === 'ApplicationSet') && group === 'argoproj.io'))
        return 'helm-release';
    if (kind === 'MutatingWebhookConfiguration' || kind === 'ValidatingWebhookConfiguration')
        return 'webhook';
    if (group === 'kyverno.io' || group === 'templates.gatekeeper.sh' || group === 'constraints.gatekeeper.sh' || kind.startsWith('ValidatingAdmissionPolicy') || kind.startsWith('MutatingAdmissionPolicy'))
        return 'policy';
    return 'other';
}
/**
 * istiod reads MeshConfig from the ConfigMap `istio`, or `istio-<revision>` for a revision. Istio ships other
 * `istio-*` ConfigMaps (sidecar injector, CA root cert, dashboards), so a revision name needs a `mesh` key too.
 */
function isMeshConfigMap(name, data) {
    if (name === 'istio')
        return true;
    return typeof name === 'string' && name.startsWith('istio-') && isObject(data) && typeof data.mesh === 'string';
}
function embeddedOf(doc, ctx) {
    const value = doc.value;
    const spec = isObject(value.spec) ? value.spec : undefined;
    switch (doc.family) {
        case 'mesh-configmap': {
            const inner = parseEmbedded(doc.root, ['data', 'mesh'], ctx);
            return inner ? [{ role: 'mesh-config', at: ['data', 'mesh'], ...inner }] : [];
        }
        case 'istio-operator': {
            doc.chart = 'istio-operator';
            const out = [];
            if (spec && isObject(spec.values))
                out.push({ role: 'helm-values', chart: 'istio-operator', at: ['spec', 'values'], root: nodeAt(doc.root, ['spec', 'values']) ?? null, value: spec.values });
            if (spec && isObject(spec.meshConfig))
                for (const m of meshConfigIn(doc.root, spec, ['spec']))
                    out.push(m);
            return out;
        }
        case 'helm-release':
            return helmReleaseValues(doc, ctx);
        default:
            return [];
    }
}
/** The Istio charts a Flux HelmRelease or an Argo CD Application installs. */
function chartsInstalled(value) {
    // An Argo CD ApplicationSet installs what its template's Application spec says.
    const set = value.kind === 'ApplicationSet';
    const template = set && isObject(value.spec) && isObject(value.spec.template) ? value.spec.template : {};
    const spec = set ? (isObject(template.spec) ? template.spec : {}) : isObject(value.spec) ? value.spec : {};
    const prefix = set ? ['spec', 'template', 'spec'] : ['spec'];
    const out = [];
    if (value.kind === 'HelmRelease') {
        const chartSpec = isObject(spec.chart) && isObject(spec.chart.spec) ? spec.chart.spec : {};
        const chartRef = isObject(spec.chartRef) ? spec.chartRef : {};
        const name = chartSpec.chart ?? chartRef.name;
        const sourceRef = isObject(chartSpec.sourceRef) ? chartSpec.sourceRef : {};
        // The HelmRepository's URL lives in another document: its name stands for it (`istio`, `istio-charts`).
        const chart = istioChart(name, typeof sourceRef.name === 'string' || typeof chartRef.name === 'string', [sourceRef.name, chartRef.name]);
        if (chart)
            out.push({ chart, at: ['spec'], source: spec });
        return out;
    }
    const sources = [];
    if (isObject(spec.source))
        sources.push([[...prefix, 'source'], spec.source]);
    if (Array.isArray(spec.sources))
        spec.sources.forEach((s, i) => sources.push([[...prefix, 'sources', i], s]));
    for (const [at, source] of sources) {
        if (!isObject(source))
            continue;
        // A Git source names its chart by directory: manifests/charts/istio-control/istio-discovery.
        const name = source.chart ?? (typeof source.path === 'string' ? source.path.split('/').filter(Boolean).pop() : undefined);
        const chart = istioChart(name, typeof source.repoURL === 'string', [source.repoURL, source.path]);
        if (chart)
            out.push({ chart, at, source });
    }
    return out;
}
/**
 * The Istio chart `name` is, if any. A generic name (`gateway`) from a named source counts only when the source
 * is Istio's: an Argo CD repoURL or path naming istio, a Flux source named so; the release's own name or namespace
 * does not make Kong's `gateway` chart Istio's (FP-12). Without any source it gets the benefit of the doubt.
 */
function istioChart(name, hasSource, hints) {
    if (typeof name !== 'string')
        return undefined;
    const short = name.split('/').pop() ?? '';
    const chart = ISTIO_CHARTS$1[short];
    if (!chart)
        return undefined;
    if (GENERIC_CHARTS$1.has(short) && hasSource && !hints.some((h) => typeof h === 'string' && /istio/i.test(h)))
        return undefined;
    return chart;
}
/** Values of a Flux HelmRelease or an Argo CD Application that installs an Istio chart. */
function helmReleaseValues(doc, ctx) {
    const out = [];
    const installed = chartsInstalled(doc.value);
    if (installed.length)
        doc.chart = installed[0].chart;
    const add = (chart, at, root, values) => {
        if (!isObject(values))
            return;
        out.push({ role: 'helm-values', chart, at, root, value: values });
        for (const m of meshConfigIn(root, values, [], at))
            out.push(m);
    };
    for (const { chart, at, source } of installed) {
        if (at.length === 1) {
            // Flux: spec.values (valuesFrom lives in other objects).
            add(chart, ['spec', 'values'], nodeAt(doc.root, ['spec', 'values']) ?? null, source.values);
            continue;
        }
        const helm = isObject(source.helm) ? source.helm : undefined;
        if (!helm)
            continue;
        // Argo CD gives valuesObject precedence over the values string.
        if (isObject(helm.valuesObject)) {
            const path = [...at, 'helm', 'valuesObject'];
            add(chart, path, nodeAt(doc.root, path) ?? null, helm.valuesObject);
        }
        else if (typeof helm.values === 'string') {
            const path = [...at, 'helm', 'values'];
            const inner = parseEmbedded(doc.root, path, ctx);
            if (inner)
                add(chart, path, inner.root, inner.value);
        }
    }
    return out;
}
function meshConfigIn(root, values, prefix, rootPath = []) {
    if (!isObject(values.meshConfig))
        return [];
    const at = [...prefix, 'meshConfig'];
    return [{ role: 'mesh-config', at: [...rootPath, ...at], root: nodeAt(root, at) ?? null, value: values.meshConfig }];
}
/**
 * Parses YAML held in a string value (MeshConfig in `data.mesh`, Argo CD `helm.values`) and moves its nodes to
 * where they stand in the file. A literal block (`|`) keeps every line, so each inner line is one file line
 * shifted by the block's indentation; a one-line scalar without escapes is shifted as a whole. Other styles
 * (folded, multi-line quoted) rewrite line breaks: their nodes get the scalar's lines and no offsets (-1).
 */
function parseEmbedded(root, path, ctx) {
    const node = nodeAt(root, path);
    if (node?.kind !== 'scalar' || node.text.trim() === '')
        return undefined;
    const move = node.start < 0 ? undefined : node.style === 'literal' ? literalBlockMove(node, ctx) : exactLineMove(node, ctx);
    let inner;
    try {
        // istiod and Argo CD read the string with go-yaml v2: its first document, as kubectl reads one.
        inner = parseDocument(node.text);
    }
    catch (error) {
        if (!(error instanceof YamlError))
            throw error;
        const line = move ? move.line(Math.min(error.fileOffset, node.text.length - 1)) : node.line;
        ctx.onEmbeddedError(line, `Invalid YAML in ${path.join('.')}: ${error.message}`);
        return undefined;
    }
    if (!inner || inner.root === null)
        return undefined;
    const place = (n) => {
        if (!move) {
            n.start = n.end = -1;
            n.line = node.line;
            n.endLine = node.endLine;
            return;
        }
        const empty = n.end <= n.start;
        const start = move.offset(n.start);
        const end = empty ? start : move.offset(n.end - 1) + 1;
        n.line = move.line(n.start);
        n.endLine = empty ? n.line : move.line(n.end - 1);
        n.start = start;
        n.end = end;
    };
    forEachNode(inner.root, place);
    // The first of two duplicate keys is no longer in the tree; its line is still wanted in the message.
    for (const d of inner.duplicates) {
        forEachNode(d.first, place);
        ctx.onDuplicateKey?.(d, path.join('.'));
    }
    return { root: inner.root, value: inner.value };
}
/**
 * Inner line k of a literal block is file line (first + k - 1); its columns are shifted by the block's
 * indentation. The indentation is read off the source (the first non-blank line's spaces minus those the
 * decoded text kept), which also covers an indentation indicator (`|2`) and more-indented first lines.
 */
function literalBlockMove(node, ctx) {
    const innerStarts = lineStarts(node.text);
    const firstLine = lineAt(ctx.starts, node.start);
    let indent = 0;
    for (let k = 0; k < innerStarts.length; k++) {
        const innerLine = node.text.slice(innerStarts[k], innerStarts[k + 1] ?? node.text.length).replace(/\n$/, '');
        if (innerLine.trim() === '')
            continue;
        const fileLine = firstLine + k;
        const source = ctx.text.slice(ctx.starts[fileLine - 1], ctx.starts[fileLine] ?? ctx.text.length);
        indent = leadingSpaces(source) - leadingSpaces(innerLine);
        break;
    }
    const lastLine = ctx.starts.length;
    const line = (o) => Math.min(firstLine + lineAt(innerStarts, o) - 1, lastLine);
    return {
        line,
        offset: (o) => {
            const k = lineAt(innerStarts, o);
            return ctx.starts[line(o) - 1] + indent + (o - innerStarts[k - 1]);
        }
    };
}
/** A one-line scalar whose decoded text is its source text (plain, or quoted without escapes) moves as a whole. */
function exactLineMove(node, ctx) {
    if (node.line !== node.endLine || ctx.text.slice(node.start, node.end) !== node.text)
        return undefined;
    return { line: () => node.line, offset: (o) => node.start + o };
}
function leadingSpaces(s) {
    let i = 0;
    while (i < s.length && s.charCodeAt(i) === 32)
        i++;
    return i;
}
function helmValuesChart(file, value) {
    const keys = Object.keys(value);
    if (!keys.some((k) => ISTIO_ONLY_KEYS.has(k)) && !(keys.some((k) => ISTIO_VALUE_KEYS.has(k)) && /istio/i.test(file)))
        return undefined;
    const segments = file.toLowerCase().split('/');
    for (const segment of segments.reverse()) {
        const name = segment.replace(/\.ya?ml$/, '').replace(/[-_.]?values$/, '').replace(/^values[-_.]?/, '');
        if (ISTIO_CHARTS$1[name])
            return ISTIO_CHARTS$1[name];
    }
    if ('cni' in value && !('pilot' in value))
        return 'cni';
    if ('ztunnel' in value && !('pilot' in value))
        return 'ztunnel';
    return 'istiod';
}
function isObject(v) {
    return typeof v === 'object' && v !== null && !Array.isArray(v);
}

// Where Istio's Helm charts come from: the test that lets a generic chart name (base, gateway, cni) count as Istio's.
/**
 * True for Istio's chart repositories and their mirrors: a Helm or OCI repository URL, or a local path, that
 * names istio (https://istio-release.storage.googleapis.com/charts, oci://gcr.io/istio-release/charts,
 * oci://ghcr.io/istio/..., file://…/istio/manifests/charts/…). `base` from Bitnami or `gateway` from Kong do not.
 */
function isIstioChartRepository(url) {
    return typeof url === 'string' && /istio/i.test(url);
}

// Istio release versions: parsing, ordering and the set this build knows.
/** Every minor the catalog and the schema index cover, oldest first. Adding a release = adding it here and a catalog file. */
const KNOWN_MINORS = ['1.20', '1.21', '1.22', '1.23', '1.24', '1.25', '1.26', '1.27', '1.28', '1.29', '1.30', '1.31'];
/** The newest stable minor; `latest` resolves to it. */
const LATEST_MINOR = '1.31';
/**
 * Minors accepted only as the release a mesh runs today (`from`): the catalog measures the 1.20 changes from 1.19,
 * but 1.19 is not a target (no catalog file, no schema index entry).
 */
const FROM_ONLY_MINORS = ['1.19'];
const VERSION_RE = /^v?(\d+)\.(\d+)(?:\.(\d+))?(?:-([0-9A-Za-z.-]+))?$/;
function parseRelease(input, options = {}) {
    const raw = input.trim();
    if (raw === 'latest')
        return parseRelease(LATEST_MINOR);
    const m = VERSION_RE.exec(raw);
    if (!m)
        throw new UsageError(`"${raw}" is not an Istio version; expected e.g. 1.28, 1.28.1, 1.31.0-rc.0 or latest (supported: ${KNOWN_MINORS.join(', ')})`);
    const [, maj, min, patch, pre] = m;
    const minor = `${Number(maj)}.${Number(min)}`;
    const fromOnly = options.from === true && FROM_ONLY_MINORS.includes(minor);
    if (!KNOWN_MINORS.includes(minor) && !fromOnly) {
        throw new UsageError(`Istio ${raw} is not a release istio-compat knows; supported releases are ${KNOWN_MINORS.join(', ')} (and their patches)`);
    }
    const p = patch === undefined ? null : Number(patch);
    return {
        version: p === null ? minor : `${minor}.${p}${pre ? `-${pre}` : ''}`,
        minor,
        major: Number(maj),
        minorNumber: Number(min),
        patch: p,
        ...(pre ? { pre } : {})
    };
}
/** Orders releases; a bare minor sorts after all its patches (it means "newest patch"). */
/** A `from` version: a known release, or one of FROM_ONLY_MINORS (1.19, the release the 1.20 changes start from). */
function parseFromRelease(input) {
    return parseRelease(input, { from: true });
}
function compareReleases(a, b) {
    if (a.major !== b.major)
        return a.major - b.major;
    if (a.minorNumber !== b.minorNumber)
        return a.minorNumber - b.minorNumber;
    const pa = a.patch ?? Number.MAX_SAFE_INTEGER;
    const pb = b.patch ?? Number.MAX_SAFE_INTEGER;
    if (pa !== pb)
        return pa - pb;
    if (a.pre && !b.pre)
        return -1;
    if (!a.pre && b.pre)
        return 1;
    return (a.pre ?? '').localeCompare(b.pre ?? '', 'en', { numeric: true });
}
/**
 * True when `release` contains a change that landed in `since` ('1.28' or '1.28.1').
 * A pre-release of a minor counts as that minor: its notes describe the .0 release.
 */
function includesChange(release, since) {
    const s = parseRelease(since);
    if (release.major !== s.major)
        return release.major > s.major;
    if (release.minorNumber !== s.minorNumber)
        return release.minorNumber > s.minorNumber;
    if (s.patch === null || s.patch === 0)
        return true;
    return release.patch === null || release.patch >= s.patch;
}

const release$b="1.20";const kubernetes$b={min:"1.25",max:"1.29"};const compatibilityVersions$b=[];const sources$c=[{path:"releases/1.20/_index.md",url:"https://istio.io/latest/news/releases/1.20.x/announcing-1.20/"},{path:"releases/supported-releases.md",section:"Support status of Istio releases",url:"https://istio.io/latest/docs/releases/supported-releases/"}];const entries$b=[{id:"istio-1.20-sidecar-startup-probe",change:"default-changed",severity:"warning",since:"1.20",message:"From Istio 1.20 the injected istio-proxy gets a startup probe (a sidecar not ready within 10 minutes is restarted) and new readiness probe defaults; readiness values tuned for the old probe cadence behave differently.",match:[{type:"helmValue",chart:"istiod",paths:["global.proxy.startupProbe.enabled","global.proxy.startupProbe.failureThreshold","global.proxy.readinessInitialDelaySeconds","global.proxy.readinessPeriodSeconds","global.proxy.readinessFailureThreshold"]},{type:"annotation",key:"readiness.status.sidecar.istio.io/initialDelaySeconds",on:["pod"]},{type:"annotation",key:"readiness.status.sidecar.istio.io/periodSeconds",on:["pod"]},{type:"annotation",key:"readiness.status.sidecar.istio.io/failureThreshold",on:["pod"]}],sources:[{path:"releases/1.20/upgrade-notes/index.md",section:"`startupProbe` added to sidecar by default",url:"https://istio.io/latest/news/releases/1.20.x/announcing-1.20/upgrade-notes/#startupprobe-added-to-sidecar-by-default",refs:["https://github.com/istio/istio/issues/32569"]},{path:"releases/1.20/change-notes/index.md",section:"Installation",url:"https://istio.io/latest/news/releases/1.20.x/announcing-1.20/change-notes/#installation"}]},{id:"istio-1.20-envoy-filter-order",change:"behaviour-changed",severity:"warning",since:"1.20",message:"Istio 1.20 orders its own Envoy filters identically for inbound, outbound and gateway traffic (inbound TCP now runs metadata exchange before authn, gateway TCP runs stats after authz), so an EnvoyFilter that inserts relative to an Istio filter may end up elsewhere.",match:[{type:"field",kinds:["EnvoyFilter"],paths:["spec.configPatches[].patch.operation"],values:["INSERT_BEFORE","INSERT_AFTER","INSERT_FIRST"],where:[{path:"spec.configPatches[].match.context",values:["SIDECAR_INBOUND","GATEWAY"]}]}],sources:[{path:"releases/1.20/upgrade-notes/index.md",section:"Envoy filter ordering",url:"https://istio.io/latest/news/releases/1.20.x/announcing-1.20/upgrade-notes/#envoy-filter-ordering"},{path:"releases/1.20/_index.md",section:"Consistent Envoy Filter Ordering",url:"https://istio.io/latest/news/releases/1.20.x/announcing-1.20/#consistent-envoy-filter-ordering"}]},{id:"istio-1.20-destination-rule-inheritance-removed",change:"removed",severity:"warning",since:"1.20",message:"PILOT_ENABLE_DESTINATION_RULE_INHERITANCE was removed in Istio 1.20, so DestinationRule inheritance from the root or namespace level silently stops; copy the inherited settings into each DestinationRule.",match:[{type:"env",name:"PILOT_ENABLE_DESTINATION_RULE_INHERITANCE",component:"istiod"}],sources:[{path:"releases/1.20/change-notes/index.md",section:"Traffic Management",url:"https://istio.io/latest/news/releases/1.20.x/announcing-1.20/change-notes/#traffic-management",refs:["https://github.com/istio/istio/issues/37095"]}]},{id:"istio-1.20-custom-network-filters-removed",change:"removed",severity:"error",since:"1.20",message:"Istio 1.20 no longer builds the forward_downstream_sni, tcp_cluster_rewrite and sni_verifier network filters into the proxy, so an EnvoyFilter that adds them is rejected by Envoy; reimplement the logic as a Wasm plugin.",match:[{type:"text",kinds:["EnvoyFilter"],pattern:"forward_downstream_sni|tcp_cluster_rewrite|sni_verifier"}],sources:[{path:"releases/1.20/change-notes/index.md",section:"Traffic Management",url:"https://istio.io/latest/news/releases/1.20.x/announcing-1.20/change-notes/#traffic-management"}]},{id:"istio-1.20-operator-ambient-profile-removed",change:"removed",severity:"notice",since:"1.20",message:"Since Istio 1.20 the in-cluster operator refuses the ambient profile; an IstioOperator with profile ambient only works as an istioctl install file.",match:[{type:"field",apiVersions:["install.istio.io/v1alpha1"],kinds:["IstioOperator"],paths:["spec.profile"],values:["ambient"]}],sources:[{path:"releases/1.20/change-notes/index.md",section:"Installation",url:"https://istio.io/latest/news/releases/1.20.x/announcing-1.20/change-notes/#installation",refs:["https://github.com/istio/istio/issues/46524"]}]},{id:"istio-1.20-consistent-hash-minimum-ring-size-deprecated",change:"deprecated",severity:"notice",since:"1.20",message:"DestinationRule consistentHash.minimumRingSize is deprecated since Istio 1.20; set consistentHash.ringHash.minimumRingSize instead.",match:[{type:"field",apiVersions:["networking.istio.io/v1alpha3","networking.istio.io/v1beta1","networking.istio.io/v1"],kinds:["DestinationRule"],paths:["$trafficPolicy.loadBalancer.consistentHash.minimumRingSize"]}],sources:[{path:"crds/1.20/istio-crds.yaml",section:"DestinationRule consistentHash.minimumRingSize (description: Deprecated)",url:"https://github.com/istio/istio/blob/1.20.0/manifests/charts/base/files/crd-all.gen.yaml"}]}];var c120 = {release:release$b,kubernetes:kubernetes$b,compatibilityVersions:compatibilityVersions$b,sources:sources$c,entries:entries$b};

const release$a="1.21";const kubernetes$a={min:"1.26",max:"1.29"};const compatibilityVersions$a=["1.20"];const sources$b=[{path:"releases/1.21/_index.md",url:"https://istio.io/latest/news/releases/1.21.x/announcing-1.21/"},{path:"releases/1.21/_index.md",section:"Easing upgrades with compatibility versions",url:"https://istio.io/latest/news/releases/1.21.x/announcing-1.21/#easing-upgrades-with-compatibility-versions"},{path:"releases/supported-releases.md",section:"Support status of Istio releases",url:"https://istio.io/latest/docs/releases/supported-releases/"}];const entries$a=[{id:"istio-1.21-externalname-alias",change:"default-changed",severity:"warning",since:"1.21",message:"From Istio 1.21 an ExternalName Service is only a DNS alias of its target: VirtualService and DestinationRule rules that name it stop applying and its ports are ignored, so point those rules at the real host (ENABLE_EXTERNAL_NAME_ALIAS=false restores the old behaviour until 1.24).",match:[{type:"field",apiVersions:["v1"],kinds:["Service"],paths:["spec.type"],values:["ExternalName"]},{type:"env",name:"ENABLE_EXTERNAL_NAME_ALIAS",component:"istiod",severity:"notice",message:"{name} is set explicitly; Istio 1.21 turns ExternalName alias handling on by default and 1.24 removes the switch."}],sources:[{path:"releases/1.21/upgrade-notes/index.md",section:"`ExternalName` support changes",url:"https://istio.io/latest/news/releases/1.21.x/announcing-1.21/upgrade-notes/#externalname-support-changes",refs:["https://github.com/istio/istio/pull/47664"]},{path:"releases/1.20/upgrade-notes/index.md",section:"Upcoming `ExternalName` support changes",url:"https://istio.io/latest/news/releases/1.20.x/announcing-1.20/upgrade-notes/#upcoming-externalname-support-changes"},{path:"releases/1.21/change-notes/index.md",section:"Traffic Management",url:"https://istio.io/latest/news/releases/1.21.x/announcing-1.21/change-notes/#traffic-management"}]},{id:"istio-1.21-auto-sni",change:"default-changed",severity:"warning",since:"1.21",message:"From Istio 1.21 TLS origination without an explicit sni sends the request host as SNI (auto SNI); set tls.sni if the upstream expects another name or none.",match:[{type:"field",apiVersions:["networking.istio.io/v1alpha3","networking.istio.io/v1beta1","networking.istio.io/v1"],kinds:["DestinationRule"],paths:["$trafficPolicy.tls.mode"],values:["SIMPLE","MUTUAL"],where:[{path:"$trafficPolicy.tls.sni",absent:true}]},{type:"env",name:"ENABLE_AUTO_SNI",component:"istiod",severity:"notice",message:"{name} is set explicitly; Istio 1.21 turns auto SNI on by default and 1.26 removes the switch."}],sources:[{path:"releases/1.21/upgrade-notes/index.md",section:"Default value of the feature flag `ENABLE_AUTO_SNI` to true",url:"https://istio.io/latest/news/releases/1.21.x/announcing-1.21/upgrade-notes/#default-value-of-the-feature-flag-enable_auto_sni-to-true",refs:["https://github.com/istio/istio/pull/48225"]},{path:"releases/1.21/change-notes/index.md",section:"Security",url:"https://istio.io/latest/news/releases/1.21.x/announcing-1.21/change-notes/#security"}]},{id:"istio-1.21-verify-certificate-at-client",change:"default-changed",severity:"error",since:"1.21",message:"From Istio 1.21 TLS origination verifies the server certificate against the OS CA bundle when no caCertificates or credentialName is given, so upstreams with private or self-signed certificates start failing; add caCertificates/credentialName or insecureSkipVerify.",match:[{type:"field",apiVersions:["networking.istio.io/v1alpha3","networking.istio.io/v1beta1","networking.istio.io/v1"],kinds:["DestinationRule"],paths:["$trafficPolicy.tls.mode"],values:["SIMPLE","MUTUAL"],where:[{path:"$trafficPolicy.tls.caCertificates",absent:true},{path:"$trafficPolicy.tls.credentialName",absent:true},{path:"$trafficPolicy.tls.insecureSkipVerify",values:[true],absent:true}]},{type:"env",name:"VERIFY_CERTIFICATE_AT_CLIENT",component:"istiod",severity:"notice",message:"{name} is set explicitly; Istio 1.21 verifies server certificates by default and 1.24 removes the switch."}],sources:[{path:"releases/1.21/upgrade-notes/index.md",section:"Default value of the feature flag `VERIFY_CERT_AT_CLIENT` is set to true",url:"https://istio.io/latest/news/releases/1.21.x/announcing-1.21/upgrade-notes/#default-value-of-the-feature-flag-verify_cert_at_client-is-set-to-true",refs:["https://github.com/istio/istio/pull/48225"]},{path:"releases/1.21/change-notes/index.md",section:"Security",url:"https://istio.io/latest/news/releases/1.21.x/announcing-1.21/change-notes/#security"}]},{id:"istio-1.21-verify-cert-at-client-typo",change:"no-effect",severity:"error",since:"1.21",message:"VERIFY_CERT_AT_CLIENT (as the 1.21 notes spell it) is not read by istiod; the variable is VERIFY_CERTIFICATE_AT_CLIENT.",match:[{type:"env",name:"VERIFY_CERT_AT_CLIENT",component:"istiod"}],fix:{type:"renameKey",to:"VERIFY_CERTIFICATE_AT_CLIENT"},sources:[{path:"releases/1.21/upgrade-notes/index.md",section:"Default value of the feature flag `VERIFY_CERT_AT_CLIENT` is set to true",url:"https://istio.io/latest/news/releases/1.21.x/announcing-1.21/upgrade-notes/#default-value-of-the-feature-flag-verify_cert_at_client-is-set-to-true"},{path:"releases/1.21/change-notes/index.md",section:"Security",url:"https://istio.io/latest/news/releases/1.21.x/announcing-1.21/change-notes/#security"}]},{id:"istio-1.21-gateway-name-label-deprecated",change:"deprecated",severity:"warning",since:"1.21",until:"1.24",message:"Gateway API managed gateways are labelled gateway.networking.k8s.io/gateway-name since Istio 1.21; the istio.io/gateway-name label is deprecated, so select on the new key.",match:[{type:"label",key:"istio.io/gateway-name",on:["selector"]}],fix:{type:"renameKey",to:"gateway.networking.k8s.io/gateway-name"},sources:[{path:"releases/1.21/upgrade-notes/index.md",section:"Gateway Name label modified",url:"https://istio.io/latest/news/releases/1.21.x/announcing-1.21/upgrade-notes/#gateway-name-label-modified",refs:["https://github.com/istio/istio/pull/47229"]},{path:"releases/1.21/change-notes/index.md",section:"Traffic Management",url:"https://istio.io/latest/news/releases/1.21.x/announcing-1.21/change-notes/#traffic-management"}]},{id:"istio-1.21-inbound-passthrough-flag-removed",change:"removed",severity:"warning",since:"1.21",message:"PILOT_ENABLE_INBOUND_PASSTHROUGH was removed in Istio 1.21 and is ignored; use meshConfig.inboundTrafficPolicy.mode LOCALHOST (1.22+) for the old localhost binding.",match:[{type:"env",name:"PILOT_ENABLE_INBOUND_PASSTHROUGH",component:"istiod"}],sources:[{path:"releases/1.21/change-notes/index.md",section:"Traffic Management",url:"https://istio.io/latest/news/releases/1.21.x/announcing-1.21/change-notes/#traffic-management"},{path:"releases/1.22/change-notes/index.md",section:"Traffic Management",url:"https://istio.io/latest/news/releases/1.22.x/announcing-1.22/change-notes/#traffic-management"}]},{id:"istio-1.21-bootstrap-xds-agent-removed",change:"removed",severity:"warning",since:"1.21",message:"Istio 1.21 removed BOOTSTRAP_XDS_AGENT, so EnvoyFilter patches with applyTo BOOTSTRAP are no longer applied at proxy start; use the sidecar.istio.io/bootstrapOverride annotation instead.",match:[{type:"env",name:"BOOTSTRAP_XDS_AGENT",component:"proxy"},{type:"field",kinds:["EnvoyFilter"],paths:["spec.configPatches[].applyTo"],values:["BOOTSTRAP"]}],sources:[{path:"releases/1.21/change-notes/index.md",section:"Extensibility",url:"https://istio.io/latest/news/releases/1.21.x/announcing-1.21/change-notes/#extensibility"}]},{id:"istio-1.21-jwt-authn-metadata-key",change:"removed",severity:"warning",since:"1.21",message:"From Istio 1.21 request authentication uses the upstream Envoy JWT filter, so JWT claims are in the envoy.filters.http.jwt_authn dynamic metadata, not istio_authn.",match:[{type:"text",kinds:["EnvoyFilter","WasmPlugin"],contains:"istio_authn"}],fix:{type:"replaceText",from:"istio_authn",to:"envoy.filters.http.jwt_authn"},sources:[{path:"releases/1.21/change-notes/index.md",section:"Security",url:"https://istio.io/latest/news/releases/1.21.x/announcing-1.21/change-notes/#security"}]},{id:"istio-1.21-extra-stat-tags-deprecated",change:"deprecated",severity:"notice",since:"1.21",message:"The sidecar.istio.io/extraStatTags annotation is deprecated since Istio 1.21; add metric dimensions with Telemetry tagOverrides instead.",match:[{type:"annotation",key:"sidecar.istio.io/extraStatTags",on:["pod"]}],sources:[{path:"annotations/1.21/annotations.yaml",section:"sidecar.istio.io/extraStatTags (deprecated: true)",url:"https://github.com/istio/api/blob/1.21.0/annotation/annotations.yaml"}]},{id:"istio-1.21-pilot-rate-limits-autoscale",change:"default-changed",severity:"notice",since:"1.21",message:"{name} is set explicitly; from Istio 1.21 its default scales with the CPU istiod gets instead of the old fixed value.",match:[{type:"env",name:"PILOT_MAX_REQUESTS_PER_SECOND",component:"istiod"},{type:"env",name:"PILOT_PUSH_THROTTLE",component:"istiod"}],sources:[{path:"releases/1.21/change-notes/index.md",section:"Traffic Management",url:"https://istio.io/latest/news/releases/1.21.x/announcing-1.21/change-notes/#traffic-management"}]},{id:"istio-1.21-destination-rule-connection-pool-fields",change:"added",severity:"error",since:"1.21",message:"DestinationRule {name} only exists from Istio 1.21; older CRDs reject it.",match:[{type:"field",apiVersions:["networking.istio.io/v1alpha3","networking.istio.io/v1beta1","networking.istio.io/v1"],kinds:["DestinationRule"],paths:["$trafficPolicy.connectionPool.http.maxConcurrentStreams","$trafficPolicy.connectionPool.tcp.idleTimeout","$trafficPolicy.proxyProtocol"]}],sources:[{path:"releases/1.21/change-notes/index.md",section:"Traffic Management",url:"https://istio.io/latest/news/releases/1.21.x/announcing-1.21/change-notes/#traffic-management",refs:["https://github.com/istio/istio/issues/47166"]},{path:"releases/1.21/change-notes/index.md",section:"Extensibility",url:"https://istio.io/latest/news/releases/1.21.x/announcing-1.21/change-notes/#extensibility"}]},{id:"istio-1.21-sidecar-inbound-connection-pool",change:"added",severity:"warning",since:"1.21",message:"Sidecar {name} is only honoured from Istio 1.21; older istiod ignores it and keeps applying DestinationRule pools on both sides.",match:[{type:"field",apiVersions:["networking.istio.io/v1alpha3","networking.istio.io/v1beta1","networking.istio.io/v1"],kinds:["Sidecar"],paths:["spec.inboundConnectionPool","spec.ingress[].connectionPool"]}],sources:[{path:"releases/1.21/change-notes/index.md",section:"Traffic Management",url:"https://istio.io/latest/news/releases/1.21.x/announcing-1.21/change-notes/#traffic-management",refs:["https://github.com/istio/istio/issues/32130","https://github.com/istio/istio/issues/41235"]}]},{id:"istio-1.21-jwt-from-cookies",change:"added",severity:"error",since:"1.21",message:"RequestAuthentication jwtRules[].fromCookies only exists from Istio 1.21; older CRDs reject it.",match:[{type:"field",apiVersions:["security.istio.io/v1beta1","security.istio.io/v1"],kinds:["RequestAuthentication"],paths:["spec.jwtRules[].fromCookies"]}],sources:[{path:"releases/1.21/change-notes/index.md",section:"Security",url:"https://istio.io/latest/news/releases/1.21.x/announcing-1.21/change-notes/#security",refs:["https://github.com/istio/istio/issues/47847"]}]},{id:"istio-1.21-private-key-provider-fallback",change:"added",severity:"warning",since:"1.21",message:"ProxyConfig {name} only exists from Istio 1.21.",match:[{type:"proxyConfig",paths:["privateKeyProvider.cryptomb.fallback","privateKeyProvider.qat.fallback"]}],sources:[{path:"releases/1.21/change-notes/index.md",section:"Security",url:"https://istio.io/latest/news/releases/1.21.x/announcing-1.21/change-notes/#security"}]},{id:"istio-1.21-compliance-policy",change:"added",severity:"warning",since:"1.21",message:"COMPLIANCE_POLICY (FIPS TLS restrictions) is only read from Istio 1.21; older components ignore it.",match:[{type:"env",name:"COMPLIANCE_POLICY",component:"any"}],sources:[{path:"releases/1.21/change-notes/index.md",section:"Security",url:"https://istio.io/latest/news/releases/1.21.x/announcing-1.21/change-notes/#security",refs:["https://github.com/istio/istio/issues/49081"]}]},{id:"istio-1.21-sidecar-scope-concurrency-env",change:"added",severity:"notice",since:"1.21",message:"{name} (concurrent SidecarScope conversion) is only read from Istio 1.21; older releases ignore it.",match:[{type:"env",name:"PILOT_CONVERT_SIDECAR_SCOPE_CONCURRENCY",component:"istiod"}],sources:[{path:"releases/1.21/change-notes/index.md",section:"Traffic Management",url:"https://istio.io/latest/news/releases/1.21.x/announcing-1.21/change-notes/#traffic-management"}]}];var c121 = {release:release$a,kubernetes:kubernetes$a,compatibilityVersions:compatibilityVersions$a,sources:sources$b,entries:entries$a};

const release$9="1.22";const kubernetes$9={min:"1.27",max:"1.30"};const compatibilityVersions$9=["1.20","1.21"];const sources$a=[{path:"releases/1.22/_index.md",url:"https://istio.io/latest/news/releases/1.22.x/announcing-1.22/"},{path:"releases/supported-releases.md",section:"Support status of Istio releases",url:"https://istio.io/latest/docs/releases/supported-releases/"}];const entries$9=[{id:"istio-1.22-v1-apis",change:"added",severity:"error",since:"1.22",message:"{name} is served from Istio 1.22; clusters with older Istio CRDs reject it, so use the previous apiVersion (same schema) until every cluster runs 1.22.",match:[{type:"resource",apiVersions:["networking.istio.io/v1"],kinds:["VirtualService","DestinationRule","Gateway","ServiceEntry","Sidecar","WorkloadEntry","WorkloadGroup"],fix:{type:"replaceValue",to:"networking.istio.io/v1beta1"}},{type:"resource",apiVersions:["telemetry.istio.io/v1"],kinds:["Telemetry"],fix:{type:"replaceValue",to:"telemetry.istio.io/v1alpha1"}},{type:"resource",apiVersions:["security.istio.io/v1"],kinds:["PeerAuthentication"],fix:{type:"replaceValue",to:"security.istio.io/v1beta1"}}],sources:[{path:"releases/1.22/_index.md",section:"Istio APIs promoted to `v1`",url:"https://istio.io/latest/news/releases/1.22.x/announcing-1.22/#istio-apis-promoted-to-v1"}]},{id:"istio-1.22-delta-xds",change:"default-changed",severity:"notice",since:"1.22",message:"ISTIO_DELTA_XDS is set explicitly; from Istio 1.22 proxies use the incremental (delta) xDS protocol by default.",match:[{type:"env",name:"ISTIO_DELTA_XDS",component:"proxy"}],sources:[{path:"releases/1.22/upgrade-notes/index.md",section:"Delta xDS on by default",url:"https://istio.io/latest/news/releases/1.22.x/announcing-1.22/upgrade-notes/#delta-xds-on-by-default",refs:["https://github.com/istio/istio/issues/47949"]},{path:"releases/1.22/change-notes/index.md",section:"Traffic Management",url:"https://istio.io/latest/news/releases/1.22.x/announcing-1.22/change-notes/#traffic-management"}]},{id:"istio-1.22-default-zipkin-tracing-removed",change:"default-changed",severity:"warning",since:"1.22",message:"Istio 1.22 no longer sends traces to zipkin.istio-system:9411 by default, so tracing enabled without a configured provider stops emitting spans; configure a Telemetry tracing provider or meshConfig.defaultConfig.tracing.zipkin.address.",match:[{type:"meshConfig",paths:["enableTracing"],values:[true]},{type:"helmValue",chart:"istiod",paths:["global.proxy.tracer"],values:["zipkin"]}],sources:[{path:"releases/1.22/upgrade-notes/index.md",section:"Default tracing to `zipkin.istio-system.svc` removed",url:"https://istio.io/latest/news/releases/1.22.x/announcing-1.22/upgrade-notes/#default-tracing-to-zipkinistio-systemsvc-removed"},{path:"releases/1.22/change-notes/index.md",section:"Telemetry",url:"https://istio.io/latest/news/releases/1.22.x/announcing-1.22/change-notes/#telemetry"}]},{id:"istio-1.22-enhanced-resource-scoping",change:"default-changed",severity:"warning",since:"1.22",message:"From Istio 1.22 meshConfig.discoverySelectors also limits which namespaces istiod reads Istio and Gateway API config from (and where it publishes the root CA), so config in unselected namespaces is ignored.",match:[{type:"meshConfig",paths:["discoverySelectors"]},{type:"env",name:"ENABLE_ENHANCED_RESOURCE_SCOPING",component:"istiod",severity:"notice",message:"{name} is set explicitly; Istio 1.22 turns enhanced resource scoping on by default and 1.25 removes the switch."}],sources:[{path:"releases/1.22/upgrade-notes/index.md",section:"Default value of the feature flag `ENHANCED_RESOURCE_SCOPING` to true",url:"https://istio.io/latest/news/releases/1.22.x/announcing-1.22/upgrade-notes/#default-value-of-the-feature-flag-enhanced_resource_scoping-to-true"},{path:"releases/1.22/change-notes/index.md",section:"Security",url:"https://istio.io/latest/news/releases/1.22.x/announcing-1.22/change-notes/#security"}]},{id:"istio-1.22-enhanced-resource-scoping-typo",change:"no-effect",severity:"error",since:"1.22",message:"ENABLE_AUTO_ENHANCED_RESOURCE_SCOPING (as the 1.22 change notes spell it) is not read by istiod; the variable is ENABLE_ENHANCED_RESOURCE_SCOPING.",match:[{type:"env",name:"ENABLE_AUTO_ENHANCED_RESOURCE_SCOPING",component:"istiod"}],fix:{type:"renameKey",to:"ENABLE_ENHANCED_RESOURCE_SCOPING"},sources:[{path:"releases/1.22/change-notes/index.md",section:"Security",url:"https://istio.io/latest/news/releases/1.22.x/announcing-1.22/change-notes/#security"}]},{id:"istio-1.22-serviceentry-none-target-port",change:"default-changed",severity:"warning",since:"1.22",message:"From Istio 1.22 a ServiceEntry with resolution NONE honours ports[].targetPort, so traffic goes to that port instead of the service port; remove targetPort if it was never meant to apply.",match:[{type:"field",apiVersions:["networking.istio.io/v1alpha3","networking.istio.io/v1beta1","networking.istio.io/v1"],kinds:["ServiceEntry"],paths:["spec.ports[].targetPort"],where:[{path:"spec.resolution",values:["NONE"]}]},{type:"env",name:"ENABLE_RESOLUTION_NONE_TARGET_PORT",component:"istiod",severity:"notice",message:"{name} is set explicitly; Istio 1.22 honours targetPort for resolution NONE by default and 1.25 removes the switch."}],sources:[{path:"releases/1.22/upgrade-notes/index.md",section:"`ServiceEntry` with `resolution: NONE` now respects `targetPort`",url:"https://istio.io/latest/news/releases/1.22.x/announcing-1.22/upgrade-notes/#serviceentry-with-resolution-none-now-respects-targetport"},{path:"releases/1.22/change-notes/index.md",section:"Traffic Management",url:"https://istio.io/latest/news/releases/1.22.x/announcing-1.22/change-notes/#traffic-management"}]},{id:"istio-1.22-waypoint-service-account-binding-removed",change:"removed",severity:"error",since:"1.22",message:"Since Istio 1.22 waypoints are no longer bound by service account: istio.io/for-service-account is ignored, so label the namespace, Service or pod with istio.io/use-waypoint instead.",match:[{type:"annotation",key:"istio.io/for-service-account",on:["Gateway.gateway.networking.k8s.io"]}],sources:[{path:"releases/1.22/upgrade-notes/index.md",section:"New ambient mode waypoint attachment method",url:"https://istio.io/latest/news/releases/1.22.x/announcing-1.22/upgrade-notes/#new-ambient-mode-waypoint-attachment-method"},{path:"releases/1.22/change-notes/index.md",section:"Traffic Management",url:"https://istio.io/latest/news/releases/1.22.x/announcing-1.22/change-notes/#traffic-management"}]},{id:"istio-1.22-use-waypoint-label",change:"added",severity:"warning",since:"1.22",message:"The istio.io/use-waypoint label only attaches waypoints from Istio 1.22; older releases ignore it.",match:[{type:"label",key:"istio.io/use-waypoint",on:["pod","Namespace","Service","ServiceEntry","WorkloadEntry"]}],sources:[{path:"releases/1.22/upgrade-notes/index.md",section:"New ambient mode waypoint attachment method",url:"https://istio.io/latest/news/releases/1.22.x/announcing-1.22/upgrade-notes/#new-ambient-mode-waypoint-attachment-method"},{path:"releases/1.22/change-notes/index.md",section:"Traffic Management",url:"https://istio.io/latest/news/releases/1.22.x/announcing-1.22/change-notes/#traffic-management"}]},{id:"istio-1.22-waypoint-for-label",change:"added",severity:"warning",since:"1.22",message:"The istio.io/waypoint-for label on a waypoint is only read from Istio 1.22; older releases ignore it.",match:[{type:"label",key:"istio.io/waypoint-for",on:["Gateway.gateway.networking.k8s.io"]}],sources:[{path:"releases/1.22/change-notes/index.md",section:"Traffic Management",url:"https://istio.io/latest/news/releases/1.22.x/announcing-1.22/change-notes/#traffic-management"}]},{id:"istio-1.22-pod-dataplane-mode-label",change:"added",severity:"warning",since:"1.22",message:"Enrolling or excluding a single pod with the istio.io/dataplane-mode label works from Istio 1.22; older releases only read it on namespaces.",match:[{type:"label",key:"istio.io/dataplane-mode",on:["pod"]}],sources:[{path:"releases/1.22/change-notes/index.md",section:"Traffic Management",url:"https://istio.io/latest/news/releases/1.22.x/announcing-1.22/change-notes/#traffic-management"}]},{id:"istio-1.22-ambient-redirection-opt-out-removed",change:"removed",severity:"warning",since:"1.22",message:"Since Istio 1.22 the annotation ambient.istio.io/redirection: disabled no longer takes a pod out of ambient mode; label the pod istio.io/dataplane-mode: none instead.",match:[{type:"annotation",key:"ambient.istio.io/redirection",on:["pod"],values:["disabled"]}],sources:[{path:"releases/1.22/change-notes/index.md",section:"Traffic Management",url:"https://istio.io/latest/news/releases/1.22.x/announcing-1.22/change-notes/#traffic-management"}]},{id:"istio-1.22-gateway-address-type-annotation",change:"added",severity:"warning",since:"1.22",message:"The networking.istio.io/address-type annotation is only read from Istio 1.22; older releases ignore it.",match:[{type:"annotation",key:"networking.istio.io/address-type",on:["Gateway.gateway.networking.k8s.io"]}],sources:[{path:"releases/1.22/change-notes/index.md",section:"Traffic Management",url:"https://istio.io/latest/news/releases/1.22.x/announcing-1.22/change-notes/#traffic-management"}]},{id:"istio-1.22-headless-pod-listeners-flag-removed",change:"removed",severity:"notice",since:"1.22",message:"PILOT_ENABLE_HEADLESS_SERVICE_POD_LISTENERS was removed in Istio 1.22 and is ignored.",match:[{type:"env",name:"PILOT_ENABLE_HEADLESS_SERVICE_POD_LISTENERS",component:"istiod"}],sources:[{path:"releases/1.22/change-notes/index.md",section:"Traffic Management",url:"https://istio.io/latest/news/releases/1.22.x/announcing-1.22/change-notes/#traffic-management"}]},{id:"istio-1.22-istio-cni-values-deprecated",change:"deprecated",severity:"warning",since:"1.22",until:"1.24",message:"The istiod values istio_cni.* are deprecated since Istio 1.22 and removed in 1.24; set pilot.cni.* instead.",match:[{type:"helmValue",chart:"istiod",paths:["istio_cni.enabled","istio_cni.chained","istio_cni.provider"]}],sources:[{path:"releases/1.22/change-notes/index.md",section:"Deprecation Notices",url:"https://istio.io/latest/news/releases/1.22.x/announcing-1.22/change-notes/#deprecation-notices"},{path:"releases/1.22/change-notes/index.md",section:"Installation",url:"https://istio.io/latest/news/releases/1.22.x/announcing-1.22/change-notes/#installation"}]},{id:"istio-1.22-first-party-jwt-removed",change:"removed",severity:"error",since:"1.22",message:"Istio 1.22 removed global.jwtPolicy first-party-jwt; only third-party-jwt is supported.",match:[{type:"helmValue",chart:"istiod",paths:["global.jwtPolicy"],values:["first-party-jwt"]}],fix:{type:"replaceValue",to:"third-party-jwt"},sources:[{path:"releases/1.22/change-notes/index.md",section:"Security",url:"https://istio.io/latest/news/releases/1.22.x/announcing-1.22/change-notes/#security"}]},{id:"istio-1.22-external-profile-removed",change:"removed",severity:"error",since:"1.22",message:"The external installation profile was removed in Istio 1.22; use the remote profile.",match:[{type:"field",apiVersions:["install.istio.io/v1alpha1"],kinds:["IstioOperator"],paths:["spec.profile"],values:["external"]}],fix:{type:"replaceValue",to:"remote"},sources:[{path:"releases/1.22/change-notes/index.md",section:"Installation",url:"https://istio.io/latest/news/releases/1.22.x/announcing-1.22/change-notes/#installation"}]},{id:"istio-1.22-openshift-ambient-profile",change:"added",severity:"error",since:"1.22",until:"1.24",message:"The openshift-ambient profile only exists from Istio 1.22.",match:[{type:"field",apiVersions:["install.istio.io/v1alpha1"],kinds:["IstioOperator"],paths:["spec.profile"],values:["openshift-ambient"]}],sources:[{path:"releases/1.22/change-notes/index.md",section:"Installation",url:"https://istio.io/latest/news/releases/1.22.x/announcing-1.22/change-notes/#installation"}]},{id:"istio-1.22-policy-target-refs",change:"added",severity:"error",since:"1.22",message:"{name} (a list of targets) only exists from Istio 1.22; older CRDs reject it, so use the single targetRef there.",match:[{type:"field",apiVersions:["security.istio.io/v1beta1","security.istio.io/v1"],kinds:["AuthorizationPolicy","RequestAuthentication"],paths:["spec.targetRefs"]},{type:"field",apiVersions:["telemetry.istio.io/v1alpha1","telemetry.istio.io/v1"],kinds:["Telemetry"],paths:["spec.targetRefs"]},{type:"field",apiVersions:["extensions.istio.io/v1alpha1"],kinds:["WasmPlugin"],paths:["spec.targetRefs"]},{type:"field",apiVersions:["networking.istio.io/v1alpha3"],kinds:["EnvoyFilter"],paths:["spec.targetRefs"]}],sources:[{path:"releases/1.22/change-notes/index.md",section:"Security",url:"https://istio.io/latest/news/releases/1.22.x/announcing-1.22/change-notes/#security"},{path:"crds/1.22/istio-crds.yaml",section:"spec.targetRefs",url:"https://github.com/istio/istio/blob/1.22.0/manifests/charts/base/files/crd-all.gen.yaml"}]},{id:"istio-1.22-tls-ca-crl",change:"added",severity:"error",since:"1.22",message:"TLS caCrl (certificate revocation list) only exists from Istio 1.22; older CRDs reject {name}.",match:[{type:"field",apiVersions:["networking.istio.io/v1alpha3","networking.istio.io/v1beta1","networking.istio.io/v1"],kinds:["DestinationRule"],paths:["$trafficPolicy.tls.caCrl"]},{type:"field",apiVersions:["networking.istio.io/v1alpha3","networking.istio.io/v1beta1","networking.istio.io/v1"],kinds:["Gateway"],paths:["spec.servers[].tls.caCrl"]},{type:"field",apiVersions:["networking.istio.io/v1alpha3","networking.istio.io/v1beta1","networking.istio.io/v1"],kinds:["Sidecar"],paths:["spec.ingress[].tls.caCrl"]}],sources:[{path:"releases/1.22/change-notes/index.md",section:"Security",url:"https://istio.io/latest/news/releases/1.22.x/announcing-1.22/change-notes/#security"}]},{id:"istio-1.22-jwks-fetch-timeout",change:"added",severity:"error",since:"1.22",message:"RequestAuthentication jwtRules[].timeout only exists from Istio 1.22; older CRDs reject it.",match:[{type:"field",apiVersions:["security.istio.io/v1beta1","security.istio.io/v1"],kinds:["RequestAuthentication"],paths:["spec.jwtRules[].timeout"]}],sources:[{path:"releases/1.22/change-notes/index.md",section:"Security",url:"https://istio.io/latest/news/releases/1.22.x/announcing-1.22/change-notes/#security"}]},{id:"istio-1.22-authz-path-templates",change:"added",severity:"warning",since:"1.22",message:"Path templates ({*} and {**}) in AuthorizationPolicy paths are only understood from Istio 1.22; older releases match them literally.",match:[{type:"field",apiVersions:["security.istio.io/v1beta1","security.istio.io/v1"],kinds:["AuthorizationPolicy"],paths:["spec.rules[].to[].operation.paths[]","spec.rules[].to[].operation.notPaths[]"],pattern:"\\{\\*\\*?\\}"}],sources:[{path:"releases/1.22/change-notes/index.md",section:"Security",url:"https://istio.io/latest/news/releases/1.22.x/announcing-1.22/change-notes/#security",refs:["https://github.com/istio/istio/issues/16585"]},{path:"releases/1.22/_index.md",section:"Path templating in Authorization Policy",url:"https://istio.io/latest/news/releases/1.22.x/announcing-1.22/#path-templating-in-authorization-policy"}]},{id:"istio-1.22-inbound-traffic-policy",change:"added",severity:"warning",since:"1.22",message:"meshConfig.inboundTrafficPolicy only exists from Istio 1.22; older istiod ignores it.",match:[{type:"meshConfig",paths:["inboundTrafficPolicy"]}],sources:[{path:"releases/1.22/change-notes/index.md",section:"Traffic Management",url:"https://istio.io/latest/news/releases/1.22.x/announcing-1.22/change-notes/#traffic-management"}]},{id:"istio-1.22-opentelemetry-provider-fields",change:"added",severity:"warning",since:"1.22",message:"The OpenTelemetry provider setting {name} only exists from Istio 1.22.",match:[{type:"meshConfig",paths:["extensionProviders[].opentelemetry.http","extensionProviders[].opentelemetry.resourceDetectors","extensionProviders[].opentelemetry.dynatraceSampler"]}],sources:[{path:"releases/1.22/change-notes/index.md",section:"Telemetry",url:"https://istio.io/latest/news/releases/1.22.x/announcing-1.22/change-notes/#telemetry"}]},{id:"istio-1.22-lightstep-deprecated",change:"deprecated",severity:"warning",since:"1.22",until:"1.27",message:"The Lightstep tracing provider is deprecated since Istio 1.22 and removed in 1.27; send traces with the opentelemetry provider instead.",match:[{type:"meshConfig",paths:["extensionProviders[].lightstep"]}],sources:[{path:"releases/1.26/upgrade-notes/index.md",section:"Upcoming removal of telemetry providers",url:"https://istio.io/latest/news/releases/1.26.x/announcing-1.26/upgrade-notes/#upcoming-removal-of-telemetry-providers"},{path:"releases/1.26/change-notes/index.md",section:"Telemetry",url:"https://istio.io/latest/news/releases/1.26.x/announcing-1.26/change-notes/#telemetry",refs:["https://github.com/istio/istio/issues/54002"]}]},{id:"istio-1.22-ext-authz-include-headers-deprecated",change:"deprecated",severity:"notice",since:"1.22",message:"envoyExtAuthzHttp.includeHeadersInCheck is deprecated since Istio 1.22; use includeRequestHeadersInCheck.",match:[{type:"meshConfig",paths:["extensionProviders[].envoyExtAuthzHttp.includeHeadersInCheck"]}],fix:{type:"renameKey",to:"includeRequestHeadersInCheck"},sources:[{path:"meshconfig/1.22/config.proto",section:"EnvoyExternalAuthorizationHttpProvider.include_headers_in_check (deprecated)",url:"https://github.com/istio/api/blob/1.22.0/mesh/v1alpha1/config.proto"}]},{id:"istio-1.22-empty-prefix-match-rejected",change:"removed",severity:"error",since:"1.22",message:"Since Istio 1.22 validation rejects an empty prefix match in a VirtualService; drop it (an absent match already matches everything).",match:[{type:"field",apiVersions:["networking.istio.io/v1alpha3","networking.istio.io/v1beta1","networking.istio.io/v1"],kinds:["VirtualService"],paths:["spec.http[].match[].uri.prefix","spec.http[].match[].authority.prefix","spec.http[].match[].headers.*.prefix"],values:[""]}],sources:[{path:"releases/1.22/change-notes/index.md",section:"Traffic Management",url:"https://istio.io/latest/news/releases/1.22.x/announcing-1.22/change-notes/#traffic-management"}]},{id:"istio-1.22-grpcroute-v1",change:"added",severity:"error",since:"1.22",message:"Istio reads GRPCRoute at gateway.networking.k8s.io/v1 from 1.22 (Gateway API 1.1); older releases do not know it.",match:[{type:"resource",apiVersions:["gateway.networking.k8s.io/v1"],kinds:["GRPCRoute"],fix:{type:"replaceValue",to:"gateway.networking.k8s.io/v1alpha2"}}],sources:[{path:"releases/1.22/_index.md",section:"Gateway API now Stable for service mesh",url:"https://istio.io/latest/news/releases/1.22.x/announcing-1.22/#gateway-api-now-stable-for-service-mesh"}]},{id:"istio-1.22-grpcroute-v1alpha2-removed",change:"removed",severity:"error",since:"1.22",message:"From Istio 1.22 GRPCRoute is read at gateway.networking.k8s.io/v1 only (Gateway API 1.1 CRDs); move it off v1alpha2.",match:[{type:"resource",apiVersions:["gateway.networking.k8s.io/v1alpha2"],kinds:["GRPCRoute"]}],fix:{type:"replaceValue",to:"gateway.networking.k8s.io/v1"},sources:[{path:"releases/1.22/_index.md",section:"Gateway API now Stable for service mesh",url:"https://istio.io/latest/news/releases/1.22.x/announcing-1.22/#gateway-api-now-stable-for-service-mesh"}]},{id:"istio-1.22-new-istiod-env",change:"added",severity:"notice",since:"1.22",message:"{name} is only read by istiod from Istio 1.22; older releases ignore it.",match:[{type:"env",name:"PILOT_GATEWAY_API_DEFAULT_GATEWAYCLASS_NAME",component:"istiod"},{type:"env",name:"PILOT_GATEWAY_API_CONTROLLER_NAME",component:"istiod"},{type:"env",name:"METRICS_LOCALHOST_ACCESS_ONLY",component:"any"}],sources:[{path:"releases/1.22/change-notes/index.md",section:"Traffic Management",url:"https://istio.io/latest/news/releases/1.22.x/announcing-1.22/change-notes/#traffic-management"},{path:"releases/1.22/change-notes/index.md",section:"Security",url:"https://istio.io/latest/news/releases/1.22.x/announcing-1.22/change-notes/#security"}]},{id:"istio-1.22-ambient-flags-removed",change:"removed",severity:"warning",since:"1.22",message:"{name} is no longer read from Istio 1.22, so setting it changes nothing; ambient mode is switched on by PILOT_ENABLE_AMBIENT, which the ambient profile sets.",match:[{type:"env",name:"PILOT_ENABLE_HBONE",component:"istiod"},{type:"env",name:"PILOT_ENABLE_AMBIENT_CONTROLLERS",component:"istiod"}],sources:[{path:"releases/1.20/change-notes/index.md",section:"Telemetry",url:"https://istio.io/latest/news/releases/1.20.x/announcing-1.20/change-notes/#telemetry",refs:["https://github.com/istio/istio/pull/49644","https://github.com/istio/istio/pull/50360"]}]},{id:"istio-1.22-destinationrule-duplicate-subsets",change:"removed",severity:"error",since:"1.22",message:"From Istio 1.22 validation rejects a DestinationRule in which two subsets share a name ({value}); rename one.",match:[{type:"field",apiVersions:["networking.istio.io/v1alpha3","networking.istio.io/v1beta1","networking.istio.io/v1"],kinds:["DestinationRule"],paths:["spec.subsets[].name"],duplicates:true}],sources:[{path:"releases/1.22/change-notes/index.md",section:"Traffic Management",url:"https://istio.io/latest/news/releases/1.22.x/announcing-1.22/change-notes/#traffic-management"}]}];var c122 = {release:release$9,kubernetes:kubernetes$9,compatibilityVersions:compatibilityVersions$9,sources:sources$a,entries:entries$9};

const release$8="1.23";const kubernetes$8={min:"1.27",max:"1.30"};const compatibilityVersions$8=["1.20","1.21","1.22"];const sources$9=[{path:"releases/1.23/_index.md",url:"https://istio.io/latest/news/releases/1.23.x/announcing-1.23/"}];const entries$8=[{id:"istio-1.23-stackdriver-provider-removed",change:"removed",severity:"error",since:"1.23",message:"Istio 1.23 stopped generating configuration for the Stackdriver provider, so metrics and logs sent through it stop; switch to the opentelemetry provider.",match:[{type:"meshConfig",paths:["extensionProviders[].stackdriver"]}],sources:[{path:"releases/1.23/change-notes/index.md",section:"Telemetry",url:"https://istio.io/latest/news/releases/1.23.x/announcing-1.23/change-notes/#telemetry"}]},{id:"istio-1.23-opencensus-provider-removed",change:"removed",severity:"error",since:"1.23",message:"Istio stopped generating the OpenCensus tracer in 1.23 (support was removed completely in 1.25 and the provider in 1.27), so traces sent through it stop; switch to the opentelemetry provider.",match:[{type:"meshConfig",paths:["extensionProviders[].opencensus"]}],sources:[{path:"releases/1.23/change-notes/index.md",section:"Telemetry",url:"https://istio.io/latest/news/releases/1.23.x/announcing-1.23/change-notes/#telemetry"},{path:"releases/1.25/upgrade-notes/index.md",section:"OpenCensus support has been removed",url:"https://istio.io/latest/news/releases/1.25.x/announcing-1.25/upgrade-notes/#opencensus-support-has-been-removed"},{path:"releases/1.27/upgrade-notes/index.md",section:"Deprecation of telemetry providers",url:"https://istio.io/latest/news/releases/1.27.x/announcing-1.27/upgrade-notes/#deprecation-of-telemetry-providers"}]},{id:"istio-1.23-flags-removed",change:"removed",severity:"warning",since:"1.23",message:"{name} was removed in Istio 1.23 and is ignored.",match:[{type:"env",name:"ISTIO_ENABLE_OPTIMIZED_SERVICE_PUSH",component:"istiod"},{type:"env",name:"ENABLE_OPTIMIZED_CONFIG_REBUILD",component:"istiod"},{type:"env",name:"PILOT_ENABLE_CONFIG_DISTRIBUTION_TRACKING",component:"istiod"},{type:"env",name:"ENABLE_OTEL_BUILTIN_RESOURCE_LABELS",component:"istiod"}],sources:[{path:"releases/1.23/change-notes/index.md",section:"Traffic Management",url:"https://istio.io/latest/news/releases/1.23.x/announcing-1.23/change-notes/#traffic-management"},{path:"releases/1.23/change-notes/index.md",section:"Telemetry",url:"https://istio.io/latest/news/releases/1.23.x/announcing-1.23/change-notes/#telemetry"}]},{id:"istio-1.23-cni-log-level-deprecated",change:"deprecated",severity:"notice",since:"1.23",message:"The istio-cni value logLevel is deprecated since Istio 1.23; set logging.level (or global.logging.level).",match:[{type:"helmValue",chart:"cni",paths:["logLevel","cni.logLevel"]}],sources:[{path:"releases/1.23/change-notes/index.md",section:"Installation",url:"https://istio.io/latest/news/releases/1.23.x/announcing-1.23/change-notes/#installation"}]},{id:"istio-1.23-cors-unmatched-preflights",change:"added",severity:"error",since:"1.23",message:"VirtualService corsPolicy.unmatchedPreflights only exists from Istio 1.23; older CRDs reject it.",match:[{type:"field",apiVersions:["networking.istio.io/v1alpha3","networking.istio.io/v1beta1","networking.istio.io/v1"],kinds:["VirtualService"],paths:["spec.http[].corsPolicy.unmatchedPreflights"]}],sources:[{path:"crds/1.23/istio-crds.yaml",section:"VirtualService corsPolicy.unmatchedPreflights",url:"https://github.com/istio/istio/blob/1.23.0/manifests/charts/base/files/crd-all.gen.yaml"}]},{id:"istio-1.23-reset-before-request-retry",change:"added",severity:"warning",since:"1.23",message:"The reset-before-request retry condition is only supported from Istio 1.23 (Envoy 1.31).",match:[{type:"field",apiVersions:["networking.istio.io/v1alpha3","networking.istio.io/v1beta1","networking.istio.io/v1"],kinds:["VirtualService"],paths:["spec.http[].retries.retryOn"],pattern:"reset-before-request"}],sources:[{path:"releases/1.23/change-notes/index.md",section:"Traffic Management",url:"https://istio.io/latest/news/releases/1.23.x/announcing-1.23/change-notes/#traffic-management",refs:["https://github.com/istio/istio/issues/51704"]}]},{id:"istio-1.23-use-waypoint-namespace-label",change:"added",severity:"warning",since:"1.23",message:"The istio.io/use-waypoint-namespace label (a waypoint in another namespace) is only read from Istio 1.23.",match:[{type:"label",key:"istio.io/use-waypoint-namespace",on:["pod","Namespace","Service","ServiceEntry","WorkloadEntry"]}],sources:[{path:"releases/1.23/_index.md",section:"Ambient, ambient, ambient",url:"https://istio.io/latest/news/releases/1.23.x/announcing-1.23/#ambient-ambient-ambient"}]},{id:"istio-1.23-waypoint-for-on-gatewayclass",change:"added",severity:"warning",since:"1.23",message:"istio.io/waypoint-for on a GatewayClass is only read from Istio 1.23.",match:[{type:"label",key:"istio.io/waypoint-for",on:["GatewayClass.gateway.networking.k8s.io"]}],sources:[{path:"releases/1.23/change-notes/index.md",section:"Traffic Management",url:"https://istio.io/latest/news/releases/1.23.x/announcing-1.23/change-notes/#traffic-management"}]},{id:"istio-1.23-outlier-log-path",change:"added",severity:"warning",since:"1.23",message:"ProxyConfig outlierLogPath only exists from Istio 1.23.",match:[{type:"proxyConfig",paths:["outlierLogPath"]}],sources:[{path:"releases/1.23/change-notes/index.md",section:"Installation",url:"https://istio.io/latest/news/releases/1.23.x/announcing-1.23/change-notes/#installation"}]},{id:"istio-1.23-in-cluster-operator-deprecated",change:"deprecated",severity:"notice",since:"1.23",until:"1.24",message:"The in-cluster Istio operator is deprecated in 1.23 and removed in 1.24; an IstioOperator applied to the cluster must move to istioctl or Helm.",match:[{type:"resource",apiVersions:["install.istio.io/v1alpha1"],kinds:["IstioOperator"]}],sources:[{path:"releases/1.23/_index.md",section:"Deprecating the in-cluster Operator",url:"https://istio.io/latest/news/releases/1.23.x/announcing-1.23/#deprecating-the-in-cluster-operator"}]},{id:"istio-1.23-dns-capture-honours-exclusions",change:"behaviour-changed",severity:"warning",since:"1.23",message:"From Istio 1.23 captured DNS traffic honours the outbound exclusion annotations, so a pod that excludes port 53 or its DNS server address bypasses the Istio DNS proxy.",match:[{type:"annotation",key:"traffic.sidecar.istio.io/excludeOutboundPorts",on:["pod"],pattern:"(^|,)\\s*53\\s*(,|$)"},{type:"annotation",key:"traffic.sidecar.istio.io/excludeOutboundIPRanges",on:["pod"]}],sources:[{path:"releases/1.25/upgrade-notes/index.md",section:"DNS traffic (TCP and UDP) now respects traffic exclusion annotations",url:"https://istio.io/latest/news/releases/1.25.x/announcing-1.25/upgrade-notes/#dns-traffic-tcp-and-udp-now-respects-traffic-exclusion-annotations"}]},{id:"istio-1.23-deferred-cluster-creation",change:"default-changed",severity:"notice",since:"1.23",message:"ENABLE_DEFERRED_CLUSTER_CREATION is set explicitly; from Istio 1.23 proxies create clusters lazily on worker threads by default.",match:[{type:"env",name:"ENABLE_DEFERRED_CLUSTER_CREATION",component:"proxy"}],sources:[{path:"releases/1.23/change-notes/index.md",section:"Traffic Management",url:"https://istio.io/latest/news/releases/1.23.x/announcing-1.23/change-notes/#traffic-management"}]},{id:"istio-1.23-continue-headers",change:"added",severity:"notice",since:"1.23",message:"ENABLE_100_CONTINUE_HEADERS is only read from Istio 1.23.",match:[{type:"env",name:"ENABLE_100_CONTINUE_HEADERS",component:"istiod"}],sources:[{path:"releases/1.23/change-notes/index.md",section:"Traffic Management",url:"https://istio.io/latest/news/releases/1.23.x/announcing-1.23/change-notes/#traffic-management"}]},{id:"istio-1.23-workload-identity-socket-file",change:"added",severity:"notice",since:"1.23",message:"{name} (the file name of a non-Istio SDS socket such as SPIRE's) is only read from Istio 1.23; older proxies expect the Istio default socket name.",match:[{type:"env",name:"WORKLOAD_IDENTITY_SOCKET_FILE",component:"proxy"}],sources:[{path:"releases/1.23/change-notes/index.md",section:"Security",url:"https://istio.io/latest/news/releases/1.23.x/announcing-1.23/change-notes/#security"}]}];var c123 = {release:release$8,kubernetes:kubernetes$8,compatibilityVersions:compatibilityVersions$8,sources:sources$9,entries:entries$8};

const release$7="1.24";const kubernetes$7={min:"1.28",max:"1.31"};const compatibilityVersions$7=["1.21","1.22","1.23"];const sources$8=[{path:"releases/1.24/_index.md",url:"https://istio.io/latest/news/releases/1.24.x/announcing-1.24/"},{path:"releases/1.24/upgrade-notes/index.md",section:"Updated compatibility profiles",url:"https://istio.io/latest/news/releases/1.24.x/announcing-1.24/upgrade-notes/#updated-compatibility-profiles"},{path:"releases/1.24/change-notes/index.md",section:"Installation",url:"https://istio.io/latest/news/releases/1.24.x/announcing-1.24/change-notes/#installation"}];const entries$7=[{id:"istio-1.24-in-cluster-operator-removed",change:"removed",severity:"notice",since:"1.24",message:"Istio 1.24 removed the in-cluster operator: an IstioOperator object applied to the cluster is no longer reconciled and only works as an istioctl install file.",match:[{type:"resource",apiVersions:["install.istio.io/v1alpha1"],kinds:["IstioOperator"]},{type:"helmChart",names:["istio-operator"],severity:"error",message:"The istio-operator chart no longer exists in Istio 1.24; install with istioctl or the Helm charts."}],sources:[{path:"releases/1.23/_index.md",section:"Deprecating the in-cluster Operator",url:"https://istio.io/latest/news/releases/1.23.x/announcing-1.23/#deprecating-the-in-cluster-operator"}]},{id:"istio-1.24-istiod-remote-chart-removed",change:"removed",severity:"error",since:"1.24",message:"The istiod-remote chart was removed in Istio 1.24; install the istiod chart with profile: remote instead.",match:[{type:"helmChart",names:["istiod-remote"]}],sources:[{path:"releases/1.24/upgrade-notes/index.md",section:"`istiod-remote` chart replaced with `remote` profile",url:"https://istio.io/latest/news/releases/1.24.x/announcing-1.24/upgrade-notes/#istiod-remote-chart-replaced-with-remote-profile"},{path:"releases/1.24/change-notes/index.md",section:"Installation",url:"https://istio.io/latest/news/releases/1.24.x/announcing-1.24/change-notes/#installation"}]},{id:"istio-1.24-gateway-name-label-removed",change:"removed",severity:"error",since:"1.24",message:"Istio 1.24 no longer adds the istio.io/gateway-name label to managed gateways, so this selector matches nothing; select on gateway.networking.k8s.io/gateway-name.",match:[{type:"label",key:"istio.io/gateway-name",on:["selector"]}],fix:{type:"renameKey",to:"gateway.networking.k8s.io/gateway-name"},sources:[{path:"releases/1.24/change-notes/index.md",section:"Traffic Management",url:"https://istio.io/latest/news/releases/1.24.x/announcing-1.24/change-notes/#traffic-management"},{path:"releases/1.21/upgrade-notes/index.md",section:"Gateway Name label modified",url:"https://istio.io/latest/news/releases/1.21.x/announcing-1.21/upgrade-notes/#gateway-name-label-modified"}]},{id:"istio-1.24-unified-sidecar-scope",change:"default-changed",severity:"warning",since:"1.24",message:"From Istio 1.24 duplicate hostnames resolve the same way with or without a Sidecar resource (same namespace first, then the Kubernetes Service), so proxies scoped by this Sidecar may pick a different backend.",match:[{type:"resource",apiVersions:["networking.istio.io/v1alpha3","networking.istio.io/v1beta1","networking.istio.io/v1"],kinds:["Sidecar"]},{type:"env",name:"PILOT_UNIFIED_SIDECAR_SCOPE",component:"istiod",severity:"notice",message:"{name} is set explicitly; Istio 1.24 unifies Sidecar scoping by default, and the switch is still read, so false keeps the old scoping."}],sources:[{path:"releases/1.24/upgrade-notes/index.md",section:"`Sidecar` scoping changes",url:"https://istio.io/latest/news/releases/1.24.x/announcing-1.24/upgrade-notes/#sidecar-scoping-changes"},{path:"releases/1.24/upgrade-notes/index.md",section:"Updated compatibility profiles",url:"https://istio.io/latest/news/releases/1.24.x/announcing-1.24/upgrade-notes/#updated-compatibility-profiles"}]},{id:"istio-1.24-retry-defaults",change:"default-changed",severity:"warning",since:"1.24",message:"From Istio 1.24 the default retry policy no longer retries 503 responses and server sidecars retry requests the app never received; routes relying on the implicit 503 retry need retryOn set explicitly.",match:[{type:"meshConfig",paths:["defaultHttpRetryPolicy"]},{type:"env",name:"ENABLE_INBOUND_RETRY_POLICY",component:"istiod",severity:"notice",message:"{name} is set explicitly; Istio 1.24 changes the default retry behaviour and 1.27 removes the switch."},{type:"env",name:"EXCLUDE_UNSAFE_503_FROM_DEFAULT_RETRY",component:"istiod",severity:"notice",message:"{name} is set explicitly; Istio 1.24 changes the default retry behaviour and 1.27 removes the switch."}],sources:[{path:"releases/1.24/upgrade-notes/index.md",section:"Updated compatibility profiles",url:"https://istio.io/latest/news/releases/1.24.x/announcing-1.24/upgrade-notes/#updated-compatibility-profiles"},{path:"releases/1.24/change-notes/index.md",section:"Traffic Management",url:"https://istio.io/latest/news/releases/1.24.x/announcing-1.24/change-notes/#traffic-management"},{path:"releases/1.24/_index.md",section:"Improved retries",url:"https://istio.io/latest/news/releases/1.24.x/announcing-1.24/#improved-retries"}]},{id:"istio-1.24-destination-rule-merge",change:"default-changed",severity:"warning",since:"1.24",message:"From Istio 1.24 DestinationRules for the same host are no longer merged when their exportTo differ, so settings that came from another rule may stop applying.",match:[{type:"field",apiVersions:["networking.istio.io/v1alpha3","networking.istio.io/v1beta1","networking.istio.io/v1"],kinds:["DestinationRule"],paths:["spec.exportTo"]},{type:"env",name:"ENABLE_ENHANCED_DESTINATIONRULE_MERGE",component:"istiod",severity:"notice",message:"{name} is set explicitly; Istio 1.24 changes DestinationRule merging by default, and the switch is still read, so it decides which behaviour applies."}],sources:[{path:"releases/1.24/upgrade-notes/index.md",section:"Updated compatibility profiles",url:"https://istio.io/latest/news/releases/1.24.x/announcing-1.24/upgrade-notes/#updated-compatibility-profiles"},{path:"releases/1.24/change-notes/index.md",section:"Traffic Management",url:"https://istio.io/latest/news/releases/1.24.x/announcing-1.24/change-notes/#traffic-management"}]},{id:"istio-1.24-prefer-destination-rule-tls",change:"default-changed",severity:"notice",since:"1.24",message:"PREFER_DESTINATIONRULE_TLS_FOR_EXTERNAL_SERVICES is set explicitly; from Istio 1.24 DestinationRule TLS settings win for external services by default.",match:[{type:"env",name:"PREFER_DESTINATIONRULE_TLS_FOR_EXTERNAL_SERVICES",component:"istiod"}],sources:[{path:"releases/1.24/upgrade-notes/index.md",section:"Updated compatibility profiles",url:"https://istio.io/latest/news/releases/1.24.x/announcing-1.24/upgrade-notes/#updated-compatibility-profiles"}]},{id:"istio-1.24-deferred-stats-and-overload",change:"default-changed",severity:"notice",since:"1.24",message:"{name} is set explicitly; from Istio 1.24 proxies create stats lazily and bypass the overload manager for static listeners by default.",match:[{type:"env",name:"ENABLE_DEFERRED_STATS_CREATION",component:"proxy"},{type:"env",name:"BYPASS_OVERLOAD_MANAGER_FOR_STATIC_LISTENERS",component:"proxy"}],sources:[{path:"releases/1.24/upgrade-notes/index.md",section:"Updated compatibility profiles",url:"https://istio.io/latest/news/releases/1.24.x/announcing-1.24/upgrade-notes/#updated-compatibility-profiles"},{path:"releases/1.24/change-notes/index.md",section:"Traffic Management",url:"https://istio.io/latest/news/releases/1.24.x/announcing-1.24/change-notes/#traffic-management"}]},{id:"istio-1.24-telemetry-cel-attributes",change:"removed",severity:"error",since:"1.24",message:"From Istio 1.24 Telemetry CEL expressions must use standard Envoy attributes (filter_state.downstream_peer, filter_state.upstream_peer, xds.node, fully qualified Wasm names), so the old attribute names evaluate to nothing.",match:[{type:"text",kinds:["Telemetry","WasmPlugin","EnvoyFilter"],contains:"filter_state[\"wasm.downstream_peer\"]",fix:{type:"replaceText",from:"filter_state[\"wasm.downstream_peer\"]",to:"filter_state.downstream_peer"}},{type:"text",kinds:["Telemetry","WasmPlugin","EnvoyFilter"],contains:"filter_state[\"wasm.upstream_peer\"]",fix:{type:"replaceText",from:"filter_state[\"wasm.upstream_peer\"]",to:"filter_state.upstream_peer"}},{type:"text",kinds:["Telemetry"],pattern:"(^|[^\\w.\"\\[])node\\."},{type:"text",kinds:["Telemetry"],pattern:"(^|[^\\w.\"\\[])istio_responseClass"}],sources:[{path:"releases/1.24/upgrade-notes/index.md",section:"Standardization of the peer metadata attributes",url:"https://istio.io/latest/news/releases/1.24.x/announcing-1.24/upgrade-notes/#standardization-of-the-peer-metadata-attributes"},{path:"releases/1.24/change-notes/index.md",section:"Telemetry",url:"https://istio.io/latest/news/releases/1.24.x/announcing-1.24/change-notes/#telemetry"}]},{id:"istio-1.24-enable-core-dump-removed",change:"removed",severity:"warning",since:"1.24",message:"Istio 1.24 removed the sidecar.istio.io/enableCoreDump annotation and deprecated global.proxy.enableCoreDump, so core dumps are no longer enabled this way; see the samples/proxy-coredump approach.",match:[{type:"annotation",key:"sidecar.istio.io/enableCoreDump",on:["pod"],values:[true]},{type:"helmValue",chart:"istiod",paths:["global.proxy.enableCoreDump"],values:[true]}],sources:[{path:"releases/1.24/change-notes/index.md",section:"Installation",url:"https://istio.io/latest/news/releases/1.24.x/announcing-1.24/change-notes/#installation"}]},{id:"istio-1.24-crd-templates",change:"default-changed",severity:"warning",since:"1.24",message:"From Istio 1.24 the base chart templates the Istio CRDs (base.enableCRDTemplates defaults to true), so CRDs that were applied with kubectl must be labelled and annotated for Helm once before helm upgrade can own them.",match:[{type:"helmChart",names:["base"]},{type:"helmValue",chart:"base",paths:["base.enableCRDTemplates"]}],sources:[{path:"releases/1.24/upgrade-notes/index.md",section:"Istio CRDs are templated by default and can be installed and upgraded via `helm install istio-base`",url:"https://istio.io/latest/news/releases/1.24.x/announcing-1.24/upgrade-notes/#istio-crds-are-templated-by-default-and-can-be-installed-and-upgraded-via-helm-install-istio-base"},{path:"releases/1.24/change-notes/index.md",section:"Installation",url:"https://istio.io/latest/news/releases/1.24.x/announcing-1.24/change-notes/#installation"}]},{id:"istio-1.24-istio-cni-values-removed",change:"removed",severity:"warning",since:"1.24",message:"The istiod values istio_cni.* were removed in Istio 1.24 and are ignored; set pilot.cni.* instead.",match:[{type:"helmValue",chart:"istiod",paths:["istio_cni.enabled","istio_cni.chained","istio_cni.provider"]}],sources:[{path:"releases/1.24/change-notes/index.md",section:"Installation",url:"https://istio.io/latest/news/releases/1.24.x/announcing-1.24/change-notes/#installation"}]},{id:"istio-1.24-openshift-helm-profiles-removed",change:"removed",severity:"error",since:"1.24",message:"The Helm profiles openshift and openshift-ambient were removed in Istio 1.24; use profile default or ambient with global.platform: openshift.",match:[{type:"helmValue",chart:"istiod",paths:["profile"],values:["openshift","openshift-ambient"],iopPaths:[]},{type:"helmValue",chart:"cni",paths:["profile"],values:["openshift","openshift-ambient"],iopPaths:[]},{type:"helmValue",chart:"ztunnel",paths:["profile"],values:["openshift","openshift-ambient"],iopPaths:[]},{type:"helmValue",chart:"base",paths:["profile"],values:["openshift","openshift-ambient"],iopPaths:[]}],sources:[{path:"releases/1.24/change-notes/index.md",section:"Installation",url:"https://istio.io/latest/news/releases/1.24.x/announcing-1.24/change-notes/#installation"}]},{id:"istio-1.24-compat-1.20-flags-removed",change:"removed",severity:"warning",since:"1.24",message:"{name} was removed with the 1.20 compatibility profile in Istio 1.24, so the 1.21 behaviour it opted out of is now permanent.",match:[{type:"env",name:"ENABLE_EXTERNAL_NAME_ALIAS",component:"istiod"},{type:"env",name:"PERSIST_OLDEST_FIRST_HEURISTIC_FOR_VIRTUAL_SERVICE_HOST_MATCHING",component:"istiod"},{type:"env",name:"VERIFY_CERTIFICATE_AT_CLIENT",component:"istiod"}],sources:[{path:"releases/1.24/change-notes/index.md",section:"Installation",url:"https://istio.io/latest/news/releases/1.24.x/announcing-1.24/change-notes/#installation"}]},{id:"istio-1.24-native-sidecar-annotation",change:"added",severity:"warning",since:"1.24",message:"The sidecar.istio.io/nativeSidecar annotation is only read from Istio 1.24; older injectors ignore it.",match:[{type:"annotation",key:"sidecar.istio.io/nativeSidecar",on:["pod"]}],sources:[{path:"releases/1.24/change-notes/index.md",section:"Installation",url:"https://istio.io/latest/news/releases/1.24.x/announcing-1.24/change-notes/#installation"},{path:"annotations/1.24/annotations.yaml",section:"sidecar.istio.io/nativeSidecar",url:"https://github.com/istio/api/blob/1.24.0/annotation/annotations.yaml"}]},{id:"istio-1.24-bypass-inbound-capture-annotation",change:"added",severity:"warning",since:"1.24",message:"The ambient.istio.io/bypass-inbound-capture annotation is only read from Istio 1.24.",match:[{type:"annotation",key:"ambient.istio.io/bypass-inbound-capture",on:["pod"]}],sources:[{path:"releases/1.24/change-notes/index.md",section:"Ambient",url:"https://istio.io/latest/news/releases/1.24.x/announcing-1.24/change-notes/#ambient"},{path:"annotations/1.24/annotations.yaml",section:"ambient.istio.io/bypass-inbound-capture",url:"https://github.com/istio/api/blob/1.24.0/annotation/annotations.yaml"}]},{id:"istio-1.24-bypass-inbound-capture-typo",change:"no-effect",severity:"error",since:"1.24",message:"ambient.istio.io/bypassInboundCapture (as the 1.24 notes spell it) is not read; the annotation is ambient.istio.io/bypass-inbound-capture.",match:[{type:"annotation",key:"ambient.istio.io/bypassInboundCapture",on:["pod"]}],fix:{type:"renameKey",to:"ambient.istio.io/bypass-inbound-capture"},sources:[{path:"releases/1.24/change-notes/index.md",section:"Ambient",url:"https://istio.io/latest/news/releases/1.24.x/announcing-1.24/change-notes/#ambient"},{path:"annotations/1.24/annotations.yaml",section:"ambient.istio.io/bypass-inbound-capture",url:"https://github.com/istio/api/blob/1.24.0/annotation/annotations.yaml"}]},{id:"istio-1.24-traffic-distribution-annotation",change:"added",severity:"warning",since:"1.24",message:"The networking.istio.io/traffic-distribution annotation is only read from Istio 1.24.",match:[{type:"annotation",key:"networking.istio.io/traffic-distribution",on:["Service","ServiceEntry"]}],sources:[{path:"releases/1.24/change-notes/index.md",section:"Ambient",url:"https://istio.io/latest/news/releases/1.24.x/announcing-1.24/change-notes/#ambient"}]},{id:"istio-1.24-destination-rule-warmup",change:"added",severity:"error",since:"1.24",message:"DestinationRule loadBalancer.warmup only exists from Istio 1.24; older CRDs reject it (loadBalancer.warmupDurationSecs works everywhere).",match:[{type:"field",apiVersions:["networking.istio.io/v1alpha3","networking.istio.io/v1beta1","networking.istio.io/v1"],kinds:["DestinationRule"],paths:["$trafficPolicy.loadBalancer.warmup"]}],sources:[{path:"releases/1.24/change-notes/index.md",section:"Traffic Management",url:"https://istio.io/latest/news/releases/1.24.x/announcing-1.24/change-notes/#traffic-management"}]},{id:"istio-1.24-xfcc-client-cert-details",change:"added",severity:"warning",since:"1.24",message:"ProxyConfig proxyHeaders.setCurrentClientCertDetails only exists from Istio 1.24.",match:[{type:"proxyConfig",paths:["proxyHeaders.setCurrentClientCertDetails"]}],sources:[{path:"releases/1.24/change-notes/index.md",section:"Traffic Management",url:"https://istio.io/latest/news/releases/1.24.x/announcing-1.24/change-notes/#traffic-management"}]},{id:"istio-1.24-tracing-provider-fields",change:"added",severity:"warning",since:"1.24",message:"The tracing provider setting {name} only exists from Istio 1.24.",match:[{type:"meshConfig",paths:["extensionProviders[].zipkin.path","extensionProviders[].opentelemetry.grpc"]}],sources:[{path:"releases/1.24/change-notes/index.md",section:"Telemetry",url:"https://istio.io/latest/news/releases/1.24.x/announcing-1.24/change-notes/#telemetry",refs:["https://github.com/istio/istio/issues/52873","https://github.com/istio/istio/issues/53086"]}]},{id:"istio-1.24-istio-csr-alpn",change:"behaviour-changed",severity:"warning",since:"1.24",message:"Istio 1.24 enforces ALPN on its internal gRPC, which cert-manager istio-csr up to v0.12.0 does not negotiate; upgrade istio-csr or set proxyMetadata GRPC_ENFORCE_ALPN_ENABLED: \"false\".",match:[{type:"helmValue",chart:"istiod",paths:["global.caAddress"],pattern:"istio-csr|cert-manager"},{type:"env",name:"GRPC_ENFORCE_ALPN_ENABLED",component:"proxy",severity:"notice",message:"{name} is set explicitly; Istio 1.24 enforces ALPN by default."}],sources:[{path:"releases/1.24/upgrade-notes/index.md",section:"Compatibility with cert-manager's `istio-csr`",url:"https://istio.io/latest/news/releases/1.24.x/announcing-1.24/upgrade-notes/#compatibility-with-cert-managers-istio-csr"}]},{id:"istio-1.24-ambient-dns-upgrade-order",change:"behaviour-changed",severity:"notice",since:"1.24",message:"With ambient DNS capture on, the upgrade to Istio 1.24 must go istio-cni first, then restart ambient workloads, then ztunnel, or DNS resolution fails.",match:[{type:"helmValue",chart:"cni",paths:["ambient.dnsCapture","cni.ambient.dnsCapture"],values:[true]}],sources:[{path:"releases/1.24/upgrade-notes/index.md",section:"Ambient upgrade with DNS proxy",url:"https://istio.io/latest/news/releases/1.24.x/announcing-1.24/upgrade-notes/#ambient-upgrade-with-dns-proxy"}]},{id:"istio-1.24-new-env",change:"added",severity:"notice",since:"1.24",message:"{name} is only read from Istio 1.24; older releases ignore it.",match:[{type:"env",name:"ENVOY_DNS_JITTER_DURATION",component:"istiod"},{type:"env",name:"SECRET_GRACE_PERIOD_RATIO_JITTER",component:"proxy"}],sources:[{path:"releases/1.24/change-notes/index.md",section:"Traffic Management",url:"https://istio.io/latest/news/releases/1.24.x/announcing-1.24/change-notes/#traffic-management"},{path:"releases/1.24/change-notes/index.md",section:"Installation",url:"https://istio.io/latest/news/releases/1.24.x/announcing-1.24/change-notes/#installation"}]},{id:"istio-1.24-autoallocate-opt-out-label",change:"added",severity:"notice",since:"1.24",message:"The ServiceEntry label networking.istio.io/enable-autoallocate-ip is only read from Istio 1.24; older releases ignore it.",match:[{type:"label",key:"networking.istio.io/enable-autoallocate-ip",on:["ServiceEntry"]}],sources:[{path:"annotations/1.24/labels.yaml",section:"networking.istio.io/enable-autoallocate-ip",url:"https://github.com/istio/api/blob/1.24.0/label/labels.yaml"}]}];var c124 = {release:release$7,kubernetes:kubernetes$7,compatibilityVersions:compatibilityVersions$7,sources:sources$8,entries:entries$7};

const release$6="1.25";const kubernetes$6={min:"1.29",max:"1.32"};const compatibilityVersions$6=["1.22","1.23","1.24"];const sources$7=[{path:"releases/1.25/_index.md",url:"https://istio.io/latest/news/releases/1.25.x/announcing-1.25/"}];const entries$6=[{id:"istio-1.25-ambient-dns-capture",change:"default-changed",severity:"warning",since:"1.25",message:"From Istio 1.25 ambient pods have their DNS proxied by ztunnel by default (new pods only, unless iptables reconciliation is on); opt a pod out with ambient.istio.io/dns-capture: \"false\" or set ambient.dnsCapture: false.",match:[{type:"helmValue",chart:"cni",paths:["profile"],values:["ambient"],iopPaths:[],where:[{path:"ambient.dnsCapture",absent:true},{path:"cni.ambient.dnsCapture",absent:true}]},{type:"helmValue",chart:"cni",paths:["ambient.enabled","cni.ambient.enabled"],values:[true],where:[{path:"ambient.dnsCapture",absent:true},{path:"cni.ambient.dnsCapture",absent:true}]},{type:"field",apiVersions:["install.istio.io/v1alpha1"],kinds:["IstioOperator"],paths:["spec.profile"],values:["ambient"],where:[{path:"spec.values.cni.ambient.dnsCapture",absent:true}]},{type:"label",key:"istio.io/dataplane-mode",on:["Namespace"],values:["ambient"]},{type:"helmValue",chart:"cni",paths:["ambient.dnsCapture","cni.ambient.dnsCapture"],severity:"notice",message:"{name} is set explicitly; Istio 1.25 turns ambient DNS capture on by default."}],sources:[{path:"releases/1.25/upgrade-notes/index.md",section:"Ambient mode DNS capture on by default",url:"https://istio.io/latest/news/releases/1.25.x/announcing-1.25/upgrade-notes/#ambient-mode-dns-capture-on-by-default"},{path:"releases/1.25/change-notes/index.md",section:"Traffic Management",url:"https://istio.io/latest/news/releases/1.25.x/announcing-1.25/change-notes/#traffic-management"},{path:"releases/1.25/_index.md",section:"DNS proxying on by default for ambient mode",url:"https://istio.io/latest/news/releases/1.25.x/announcing-1.25/#dns-proxying-on-by-default-for-ambient-mode"}]},{id:"istio-1.25-ip-autoallocate",change:"default-changed",severity:"warning",since:"1.25",message:"From Istio 1.25 istiod assigns a virtual IP (from 240.240.0.0/16 and 2001:2::/48) to each non-wildcard host of a ServiceEntry with resolution other than NONE and no addresses, and writes it to its status, which changes how clients resolve and route these hosts; the label networking.istio.io/enable-autoallocate-ip: \"false\" opts out.",match:[{type:"field",apiVersions:["networking.istio.io/v1alpha3","networking.istio.io/v1beta1","networking.istio.io/v1"],kinds:["ServiceEntry"],paths:["spec.resolution"],values:["DNS","DNS_ROUND_ROBIN","STATIC","DYNAMIC_DNS"],where:[{path:"spec.addresses",absent:true},{path:"metadata.labels[\"networking.istio.io/enable-autoallocate-ip\"]",pattern:"^[Ff][Aa][Ll][Ss][Ee]$",absent:true},{path:"spec.hosts[]",pattern:"^[^*]"}]},{type:"env",name:"PILOT_ENABLE_IP_AUTOALLOCATE",component:"istiod",severity:"notice",message:"{name} is set explicitly; Istio 1.25 turns status-based IP auto-allocation on by default."}],sources:[{path:"releases/1.25/change-notes/index.md",section:"Traffic Management",url:"https://istio.io/latest/news/releases/1.25.x/announcing-1.25/change-notes/#traffic-management"}]},{id:"istio-1.25-dns-auto-allocate-deprecated",change:"deprecated",severity:"warning",since:"1.25",message:"Proxy-side ISTIO_META_DNS_AUTO_ALLOCATE is deprecated since Istio 1.25 in favour of the istiod controller that allocates ServiceEntry addresses.",match:[{type:"env",name:"ISTIO_META_DNS_AUTO_ALLOCATE",component:"proxy"}],sources:[{path:"releases/1.25/change-notes/index.md",section:"Deprecation Notices",url:"https://istio.io/latest/news/releases/1.25.x/announcing-1.25/change-notes/#deprecation-notices"}]},{id:"istio-1.25-kubevirt-interfaces-deprecated",change:"deprecated",severity:"warning",since:"1.25",message:"traffic.sidecar.istio.io/kubevirtInterfaces is deprecated since Istio 1.25; istio.io/reroute-virtual-interfaces takes the same value and also works in ambient mode.",match:[{type:"annotation",key:"traffic.sidecar.istio.io/kubevirtInterfaces",on:["pod"]}],fix:{type:"renameKey",to:"istio.io/reroute-virtual-interfaces"},sources:[{path:"releases/1.25/change-notes/index.md",section:"Deprecation Notices",url:"https://istio.io/latest/news/releases/1.25.x/announcing-1.25/change-notes/#deprecation-notices"}]},{id:"istio-1.25-reroute-virtual-interfaces-annotation",change:"added",severity:"warning",since:"1.25",message:"The istio.io/reroute-virtual-interfaces annotation is only read from Istio 1.25; older releases need traffic.sidecar.istio.io/kubevirtInterfaces.",match:[{type:"annotation",key:"istio.io/reroute-virtual-interfaces",on:["pod"]}],fix:{type:"renameKey",to:"traffic.sidecar.istio.io/kubevirtInterfaces"},sources:[{path:"releases/1.25/change-notes/index.md",section:"Traffic Management",url:"https://istio.io/latest/news/releases/1.25.x/announcing-1.25/change-notes/#traffic-management"}]},{id:"istio-1.25-dns-capture-annotation",change:"added",severity:"warning",since:"1.25",message:"The ambient.istio.io/dns-capture annotation is only read from Istio 1.25.",match:[{type:"annotation",key:"ambient.istio.io/dns-capture",on:["pod"]}],sources:[{path:"releases/1.25/change-notes/index.md",section:"Traffic Management",url:"https://istio.io/latest/news/releases/1.25.x/announcing-1.25/change-notes/#traffic-management"}]},{id:"istio-1.25-workload-name-label",change:"added",severity:"notice",since:"1.25",message:"The service.istio.io/workload-name label is only used for telemetry from Istio 1.25.",match:[{type:"label",key:"service.istio.io/workload-name",on:["pod","WorkloadEntry"]}],sources:[{path:"releases/1.25/change-notes/index.md",section:"Telemetry",url:"https://istio.io/latest/news/releases/1.25.x/announcing-1.25/change-notes/#telemetry"}]},{id:"istio-1.25-ingress-use-waypoint-on-namespace",change:"added",severity:"warning",since:"1.25",message:"istio.io/ingress-use-waypoint on a Namespace is only read from Istio 1.25 (older releases read it on Services only).",match:[{type:"label",key:"istio.io/ingress-use-waypoint",on:["Namespace"]}],sources:[{path:"releases/1.25/change-notes/index.md",section:"Traffic Management",url:"https://istio.io/latest/news/releases/1.25.x/announcing-1.25/change-notes/#traffic-management"}]},{id:"istio-1.25-service-traffic-distribution",change:"added",severity:"warning",since:"1.25",message:"Istio honours Service spec.trafficDistribution from 1.25; older releases ignore it and keep their own locality load balancing.",match:[{type:"field",apiVersions:["v1"],kinds:["Service"],paths:["spec.trafficDistribution"]}],sources:[{path:"releases/1.25/change-notes/index.md",section:"Traffic Management",url:"https://istio.io/latest/news/releases/1.25.x/announcing-1.25/change-notes/#traffic-management"},{path:"releases/1.25/_index.md",section:"Zonal routing enhancements",url:"https://istio.io/latest/news/releases/1.25.x/announcing-1.25/#zonal-routing-enhancements"}]},{id:"istio-1.25-ztunnel-resource-names",change:"behaviour-changed",severity:"warning",since:"1.25",until:"1.26",message:"In Istio 1.25 the ztunnel chart names its resources after the Helm release instead of ztunnel, which renames (and restarts) ztunnel unless the release is called ztunnel or resourceName: ztunnel is set.",match:[{type:"helmChart",names:["ztunnel"],where:[{path:"releaseName",values:["ztunnel"],absent:true},{path:"values.resourceName",values:["ztunnel"],absent:true}]}],sources:[{path:"releases/1.25/upgrade-notes/index.md",section:"ztunnel Helm chart changes",url:"https://istio.io/latest/news/releases/1.25.x/announcing-1.25/upgrade-notes/#ztunnel-helm-chart-changes"},{path:"releases/1.25/change-notes/index.md",section:"Installation",url:"https://istio.io/latest/news/releases/1.25.x/announcing-1.25/change-notes/#installation"}]},{id:"istio-1.25-preserve-http1-header-case",change:"added",severity:"warning",since:"1.25",message:"ProxyConfig proxyHeaders.preserveHttp1HeaderCase only exists from Istio 1.25.",match:[{type:"proxyConfig",paths:["proxyHeaders.preserveHttp1HeaderCase"]}],sources:[{path:"releases/1.25/change-notes/index.md",section:"Traffic Management",url:"https://istio.io/latest/news/releases/1.25.x/announcing-1.25/change-notes/#traffic-management",refs:["https://github.com/istio/istio/issues/53680"]}]},{id:"istio-1.25-authz-service-accounts",change:"added",severity:"error",since:"1.25",message:"AuthorizationPolicy source {name} only exists from Istio 1.25; older CRDs reject it.",match:[{type:"field",apiVersions:["security.istio.io/v1beta1","security.istio.io/v1"],kinds:["AuthorizationPolicy"],paths:["spec.rules[].from[].source.serviceAccounts","spec.rules[].from[].source.notServiceAccounts"]}],sources:[{path:"crds/1.25/istio-crds.yaml",section:"AuthorizationPolicy source.serviceAccounts / notServiceAccounts",url:"https://github.com/istio/istio/blob/1.25.0/manifests/charts/base/files/crd-all.gen.yaml"}]},{id:"istio-1.25-new-crd-fields",change:"added",severity:"error",since:"1.25",message:"{name} only exists from Istio 1.25; older CRDs reject it.",match:[{type:"field",apiVersions:["networking.istio.io/v1alpha3","networking.istio.io/v1beta1","networking.istio.io/v1"],kinds:["WorkloadGroup"],paths:["spec.probe.grpc"]},{type:"field",apiVersions:["telemetry.istio.io/v1alpha1","telemetry.istio.io/v1"],kinds:["Telemetry"],paths:["spec.tracing[].enableIstioTags"]}],sources:[{path:"crds/1.25/istio-crds.yaml",section:"WorkloadGroup probe.grpc, Telemetry tracing[].enableIstioTags",url:"https://github.com/istio/istio/blob/1.25.0/manifests/charts/base/files/crd-all.gen.yaml"}]},{id:"istio-1.25-gke-platform",change:"added",severity:"warning",since:"1.25",message:"global.platform gke is only understood from Istio 1.25.",match:[{type:"helmValue",chart:"istiod",paths:["global.platform","platform"],values:["gke"]},{type:"helmValue",chart:"cni",paths:["global.platform","platform"],values:["gke"],iopPaths:[]},{type:"helmValue",chart:"ztunnel",paths:["global.platform","platform"],values:["gke"],iopPaths:[]}],sources:[{path:"releases/1.25/change-notes/index.md",section:"Installation",url:"https://istio.io/latest/news/releases/1.25.x/announcing-1.25/change-notes/#installation"}]},{id:"istio-1.25-new-env",change:"added",severity:"notice",since:"1.25",message:"{name} is only read from Istio 1.25; older releases ignore it.",match:[{type:"env",name:"PILOT_DNS_JITTER_DURATION",component:"istiod"},{type:"env",name:"PILOT_DNS_CARES_UDP_MAX_QUERIES",component:"istiod"},{type:"env",name:"ENVOY_SKIP_DEPRECATED_LOGS",component:"any"}],sources:[{path:"releases/1.25/change-notes/index.md",section:"Traffic Management",url:"https://istio.io/latest/news/releases/1.25.x/announcing-1.25/change-notes/#traffic-management"},{path:"releases/1.25/change-notes/index.md",section:"Installation",url:"https://istio.io/latest/news/releases/1.25.x/announcing-1.25/change-notes/#installation"}]},{id:"istio-1.25-scoping-and-target-port-opt-outs-removed",change:"removed",severity:"warning",since:"1.25",message:"{name} no longer exists in Istio 1.25: the opt-out is ignored and the behaviour Istio 1.22 made the default is permanent.",match:[{type:"env",name:"ENABLE_ENHANCED_RESOURCE_SCOPING",component:"istiod"},{type:"env",name:"ENABLE_RESOLUTION_NONE_TARGET_PORT",component:"istiod"}],sources:[{path:"releases/1.22/upgrade-notes/index.md",section:"Default value of the feature flag `ENHANCED_RESOURCE_SCOPING` to true",url:"https://istio.io/latest/news/releases/1.22.x/announcing-1.22/upgrade-notes/#default-value-of-the-feature-flag-enhanced_resource_scoping-to-true",refs:["https://github.com/istio/istio/pull/54047","https://github.com/istio/istio/pull/54484"]},{path:"releases/1.22/upgrade-notes/index.md",section:"`ServiceEntry` with `resolution: NONE` now respects `targetPort`",url:"https://istio.io/latest/news/releases/1.22.x/announcing-1.22/upgrade-notes/#serviceentry-with-resolution-none-now-respects-targetport"}]},{id:"istio-1.25-wasm-fail-close-deny-all",change:"behaviour-changed",severity:"warning",since:"1.25",message:"From Istio 1.25, when the image of a WasmPlugin with failStrategy FAIL_CLOSE (the default) cannot be fetched, the proxy installs a deny-all filter instead of an allow-all one, so requests are rejected until the image loads.",match:[{type:"field",apiVersions:["extensions.istio.io/v1alpha1"],kinds:["WasmPlugin"],paths:["spec.url"],where:[{path:"spec.failStrategy",values:["FAIL_OPEN","FAIL_RELOAD"],absent:true}]}],sources:[{path:"releases/1.25/change-notes/index.md",section:"Traffic Management",url:"https://istio.io/latest/news/releases/1.25.x/announcing-1.25/change-notes/#traffic-management",refs:["https://github.com/istio/istio/issues/53279"]}]},{id:"istio-1.25-send-unhealthy-excludes-terminating",change:"behaviour-changed",severity:"notice",since:"1.25",message:"From Istio 1.25 PILOT_SEND_UNHEALTHY_ENDPOINTS no longer sends terminating endpoints, only not-ready ones.",match:[{type:"env",name:"PILOT_SEND_UNHEALTHY_ENDPOINTS",component:"istiod",values:["true"]}],sources:[{path:"releases/1.25/change-notes/index.md",section:"Traffic Management",url:"https://istio.io/latest/news/releases/1.25.x/announcing-1.25/change-notes/#traffic-management"}]}];var c125 = {release:release$6,kubernetes:kubernetes$6,compatibilityVersions:compatibilityVersions$6,sources:sources$7,entries:entries$6};

const release$5="1.26";const kubernetes$5={min:"1.29",max:"1.33"};const compatibilityVersions$5=["1.23","1.24","1.25"];const sources$6=[{path:"releases/1.26/_index.md",url:"https://istio.io/latest/news/releases/1.26.x/announcing-1.26/"}];const entries$5=[{id:"istio-1.26-max-connections-per-socket-event",change:"default-changed",severity:"notice",since:"1.26",message:"MAX_CONNECTIONS_PER_SOCKET_EVENT_LOOP is set explicitly; from Istio 1.26 Envoy accepts one connection per socket event by default (0 restores the old unlimited behaviour).",match:[{type:"env",name:"MAX_CONNECTIONS_PER_SOCKET_EVENT_LOOP",component:"istiod"}],sources:[{path:"releases/1.26/change-notes/index.md",section:"Traffic Management",url:"https://istio.io/latest/news/releases/1.26.x/announcing-1.26/change-notes/#traffic-management"}]},{id:"istio-1.26-cni-host-network",change:"default-changed",severity:"notice",since:"1.26",message:"From Istio 1.26 the istio-cni node agent no longer runs in the host network namespace by default; set ambient.shareHostNetworkNamespace: true if something depends on that.",match:[{type:"helmValue",chart:"cni",paths:["profile"],values:["ambient"],iopPaths:[]},{type:"field",apiVersions:["install.istio.io/v1alpha1"],kinds:["IstioOperator"],paths:["spec.profile"],values:["ambient"]},{type:"helmValue",chart:"cni",paths:["ambient.shareHostNetworkNamespace","cni.ambient.shareHostNetworkNamespace"],severity:"notice",message:"{name} is set explicitly; Istio 1.26 stops sharing the host network namespace by default."}],sources:[{path:"releases/1.26/change-notes/index.md",section:"Traffic Management",url:"https://istio.io/latest/news/releases/1.26.x/announcing-1.26/change-notes/#traffic-management",refs:["https://github.com/istio/istio/issues/54726"]}]},{id:"istio-1.26-auto-sni-flag-removed",change:"removed",severity:"warning",since:"1.26",message:"ENABLE_AUTO_SNI was removed in Istio 1.26 (auto SNI is always on); set tls.sni on DestinationRules that need a different name.",match:[{type:"env",name:"ENABLE_AUTO_SNI",component:"istiod"}],sources:[{path:"releases/1.26/change-notes/index.md",section:"Installation",url:"https://istio.io/latest/news/releases/1.26.x/announcing-1.26/change-notes/#installation"}]},{id:"istio-1.26-ztunnel-resource-names-restored",change:"behaviour-changed",severity:"warning",since:"1.26",reverts:"1.25",message:"Istio 1.26 names ztunnel chart resources ztunnel again (1.25 used the release name); set resourceName if you depend on the 1.25 naming.",match:[{type:"helmChart",names:["ztunnel"],where:[{path:"releaseName",values:["ztunnel"],absent:true},{path:"values.resourceName",absent:true}]},{type:"helmValue",chart:"ztunnel",paths:["resourceName"],severity:"notice",message:"resourceName is set explicitly; Istio 1.26 defaults the ztunnel resource names back to ztunnel."}],sources:[{path:"releases/1.26/upgrade-notes/index.md",section:"Ztunnel Helm chart changes",url:"https://istio.io/latest/news/releases/1.26.x/announcing-1.26/upgrade-notes/#ztunnel-helm-chart-changes"},{path:"releases/1.26/change-notes/index.md",section:"Installation",url:"https://istio.io/latest/news/releases/1.26.x/announcing-1.26/change-notes/#installation"}]},{id:"istio-1.26-backend-tls-policy-alpha",change:"added",severity:"error",since:"1.26",until:"1.28",message:"Istio reads the experimental {name} only from 1.26 (with PILOT_ENABLE_ALPHA_GATEWAY_API=true).",match:[{type:"resource",apiVersions:["gateway.networking.k8s.io/v1alpha3"],kinds:["BackendTLSPolicy"]},{type:"resource",apiVersions:["gateway.networking.x-k8s.io/v1alpha1"],kinds:["XBackendTrafficPolicy"]}],sources:[{path:"releases/1.26/change-notes/index.md",section:"Traffic Management",url:"https://istio.io/latest/news/releases/1.26.x/announcing-1.26/change-notes/#traffic-management",refs:["https://github.com/istio/istio/issues/54131","https://github.com/istio/istio/issues/54132"]},{path:"releases/1.26/_index.md",section:"New Gateway API support",url:"https://istio.io/latest/news/releases/1.26.x/announcing-1.26/#new-gateway-api-support"}]},{id:"istio-1.26-retry-backoff-and-host-predicate",change:"added",severity:"error",since:"1.26",message:"VirtualService {name} only exists from Istio 1.26; older CRDs reject it.",match:[{type:"field",apiVersions:["networking.istio.io/v1alpha3","networking.istio.io/v1beta1","networking.istio.io/v1"],kinds:["VirtualService"],paths:["spec.http[].retries.backoff","spec.http[].retries.retryIgnorePreviousHosts"]}],sources:[{path:"releases/1.26/change-notes/index.md",section:"Traffic Management",url:"https://istio.io/latest/news/releases/1.26.x/announcing-1.26/change-notes/#traffic-management"}]},{id:"istio-1.26-access-log-omit-empty-values",change:"added",severity:"warning",since:"1.26",message:"The file access log setting omitEmptyValues only exists from Istio 1.26.",match:[{type:"meshConfig",paths:["extensionProviders[].envoyFileAccessLog.omitEmptyValues"]}],sources:[{path:"releases/1.26/change-notes/index.md",section:"Telemetry",url:"https://istio.io/latest/news/releases/1.26.x/announcing-1.26/change-notes/#telemetry",refs:["https://github.com/istio/istio/issues/54930"]}]},{id:"istio-1.26-header-values-from-env",change:"added",severity:"warning",since:"1.26",message:"OpenTelemetry provider headers read from istiod environment variables (envName) only exist from Istio 1.26.",match:[{type:"meshConfig",paths:["extensionProviders[].opentelemetry.http.headers[].envName","extensionProviders[].opentelemetry.grpc.initialMetadata[].envName"]}],sources:[{path:"releases/1.26/change-notes/index.md",section:"Installation",url:"https://istio.io/latest/news/releases/1.26.x/announcing-1.26/change-notes/#installation",refs:["https://github.com/istio/istio/issues/53408"]}]},{id:"istio-1.26-gateway-deployment-customisation",change:"added",severity:"warning",since:"1.26",message:"Customising generated gateway resources through spec.infrastructure.parametersRef is only supported from Istio 1.26.",match:[{type:"field",apiVersions:["gateway.networking.k8s.io/v1","gateway.networking.k8s.io/v1beta1"],kinds:["Gateway"],paths:["spec.infrastructure.parametersRef"]}],sources:[{path:"releases/1.26/change-notes/index.md",section:"Traffic Management",url:"https://istio.io/latest/news/releases/1.26.x/announcing-1.26/change-notes/#traffic-management"},{path:"releases/1.26/_index.md",section:"Customization of resources provisioned by the Gateway API",url:"https://istio.io/latest/news/releases/1.26.x/announcing-1.26/#customization-of-resources-provisioned-by-the-gateway-api"}]},{id:"istio-1.26-envoyfilter-vhost-domain-name",change:"added",severity:"error",since:"1.26",message:"EnvoyFilter routeConfiguration.vhost.domainName matching is only supported from Istio 1.26.",match:[{type:"field",apiVersions:["networking.istio.io/v1alpha3"],kinds:["EnvoyFilter"],paths:["spec.configPatches[].match.routeConfiguration.vhost.domainName"]}],sources:[{path:"releases/1.26/change-notes/index.md",section:"Traffic Management",url:"https://istio.io/latest/news/releases/1.26.x/announcing-1.26/change-notes/#traffic-management"}]},{id:"istio-1.26-new-env",change:"added",severity:"notice",since:"1.26",message:"{name} is only read from Istio 1.26; older releases ignore it.",match:[{type:"env",name:"ENABLE_GATEWAY_API_MANUAL_DEPLOYMENT",component:"istiod"},{type:"env",name:"PILOT_SPAWN_UPSTREAM_SPAN_FOR_GATEWAY",component:"istiod"},{type:"env",name:"ENABLE_CLUSTER_TRUST_BUNDLE_API",component:"istiod"}],sources:[{path:"releases/1.26/change-notes/index.md",section:"Traffic Management",url:"https://istio.io/latest/news/releases/1.26.x/announcing-1.26/change-notes/#traffic-management"},{path:"releases/1.26/change-notes/index.md",section:"Telemetry",url:"https://istio.io/latest/news/releases/1.26.x/announcing-1.26/change-notes/#telemetry"},{path:"releases/1.26/change-notes/index.md",section:"Security",url:"https://istio.io/latest/news/releases/1.26.x/announcing-1.26/change-notes/#security",refs:["https://github.com/istio/istio/issues/43986"]}]},{id:"istio-1.26-delimited-stats-opt-out-removed",change:"removed",severity:"warning",since:"1.26",message:"{name} no longer exists in Istio 1.26: the opt-out is ignored, so cluster stat names keep the semicolon delimiter (and clusters are created lazily) that Istio 1.23 made the default.",match:[{type:"env",name:"ENABLE_DELIMITED_STATS_TAG_REGEX",component:"any"},{type:"env",name:"ENABLE_DEFERRED_CLUSTER_CREATION",component:"proxy"}],sources:[{path:"releases/1.23/change-notes/index.md",section:"Telemetry (the Custom stat names upgrade note of releasenotes/notes/51761.yaml never reached istio.io)",url:"https://istio.io/latest/news/releases/1.23.x/announcing-1.23/change-notes/#telemetry",refs:["https://github.com/istio/istio/pull/51761"]}]}];var c126 = {release:release$5,kubernetes:kubernetes$5,compatibilityVersions:compatibilityVersions$5,sources:sources$6,entries:entries$5};

const release$4="1.27";const kubernetes$4={min:"1.29",max:"1.33"};const compatibilityVersions$4=["1.24","1.25","1.26"];const sources$5=[{path:"releases/1.27/_index.md",url:"https://istio.io/latest/news/releases/1.27.x/announcing-1.27/"}];const entries$4=[{id:"istio-1.27-native-sidecars",change:"default-changed",severity:"warning",since:"1.27",message:"From Istio 1.27 istio-proxy is injected as a native sidecar (an init container with restartPolicy Always) on eligible pods, so anything that expects it in spec.containers must be checked; opt a pod out with sidecar.istio.io/nativeSidecar: \"false\".",match:[{type:"field",kinds:["$workload"],paths:["$podSpec.containers[].name"],values:["istio-proxy"],where:[{path:"$podMetadata.labels[\"sidecar.istio.io/inject\"]",values:["false"],absent:true},{path:"$podMetadata.annotations[\"sidecar.istio.io/inject\"]",values:["false"],absent:true},{path:"$podMetadata.annotations[\"inject.istio.io/templates\"]",pattern:"(^|,)\\s*gateway\\s*(,|$)",absent:true},{path:"$podSpec.containers[].args[]",values:["router","ztunnel"],absent:true}],message:"This pod template declares an istio-proxy container; from Istio 1.27 the sidecar is injected as a native sidecar init container, so check how these settings still apply (opt out with sidecar.istio.io/nativeSidecar: \"false\")."},{type:"text",families:["policy","webhook"],pattern:"(^|[^\\w-])istio-proxy($|[^\\w-])",message:"This policy or webhook refers to istio-proxy; from Istio 1.27 the sidecar is an init container (spec.initContainers) on eligible pods, so rules written for spec.containers may stop matching."},{type:"env",name:"ENABLE_NATIVE_SIDECARS",component:"istiod",severity:"notice",message:"ENABLE_NATIVE_SIDECARS is set explicitly; Istio 1.27 turns native sidecars on by default for pods on Kubernetes 1.33 or newer."},{type:"annotation",key:"sidecar.istio.io/nativeSidecar",on:["pod"],severity:"notice",message:"This pod already chooses its sidecar mode; Istio 1.27 makes native sidecars the default for everyone else."}],sources:[{path:"releases/1.27/upgrade-notes/index.md",section:"Native sidecar enabled by default",url:"https://istio.io/latest/news/releases/1.27.x/announcing-1.27/upgrade-notes/#native-sidecar-enabled-by-default"},{path:"releases/1.27/change-notes/index.md",section:"Installation",url:"https://istio.io/latest/news/releases/1.27.x/announcing-1.27/change-notes/#installation",refs:["https://github.com/istio/istio/issues/48794"]}]},{id:"istio-1.27-native-side-annotation-typo",change:"no-effect",severity:"error",since:"1.27",message:"sidecar.istio.io/native-side (as the 1.27 notes spell it) is not read by the injector, so the pod is not opted out; the annotation is sidecar.istio.io/nativeSidecar.",match:[{type:"annotation",key:"sidecar.istio.io/native-side",on:["pod"]}],fix:{type:"renameKey",to:"sidecar.istio.io/nativeSidecar"},sources:[{path:"releases/1.27/change-notes/index.md",section:"Installation",url:"https://istio.io/latest/news/releases/1.27.x/announcing-1.27/change-notes/#installation",refs:["https://github.com/istio/istio/issues/48794"]},{path:"releases/1.27/upgrade-notes/index.md",section:"Native sidecar enabled by default",url:"https://istio.io/latest/news/releases/1.27.x/announcing-1.27/upgrade-notes/#native-sidecar-enabled-by-default"},{path:"annotations/1.27/annotations.yaml",section:"sidecar.istio.io/nativeSidecar",url:"https://github.com/istio/api/blob/1.27.0/annotation/annotations.yaml"}]},{id:"istio-1.27-lightstep-provider-removed",change:"removed",severity:"error",since:"1.27",message:"Istio 1.27 removed the Lightstep tracing provider, so traces sent through it stop; send them with the opentelemetry provider (Lightstep accepts OTLP).",match:[{type:"meshConfig",paths:["extensionProviders[].lightstep"]}],sources:[{path:"releases/1.27/upgrade-notes/index.md",section:"Deprecation of telemetry providers",url:"https://istio.io/latest/news/releases/1.27.x/announcing-1.27/upgrade-notes/#deprecation-of-telemetry-providers"},{path:"releases/1.27/change-notes/index.md",section:"Telemetry",url:"https://istio.io/latest/news/releases/1.27.x/announcing-1.27/change-notes/#telemetry",refs:["https://github.com/istio/istio/issues/54002"]},{path:"releases/1.26/upgrade-notes/index.md",section:"Upcoming removal of telemetry providers",url:"https://istio.io/latest/news/releases/1.26.x/announcing-1.26/upgrade-notes/#upcoming-removal-of-telemetry-providers"}]},{id:"istio-1.27-inferencepool-v1alpha2",change:"added",severity:"error",since:"1.27",until:"1.28",message:"Istio reads InferencePool (inference.networking.x-k8s.io/v1alpha2) only from 1.27, with ENABLE_GATEWAY_API_INFERENCE_EXTENSION=true.",match:[{type:"resource",apiVersions:["inference.networking.x-k8s.io/v1alpha2"],kinds:["InferencePool"]}],sources:[{path:"releases/1.27/change-notes/index.md",section:"Traffic Management",url:"https://istio.io/latest/news/releases/1.27.x/announcing-1.27/change-notes/#traffic-management",refs:["https://github.com/istio/istio/issues/55768"]},{path:"releases/1.27/_index.md",section:"Inference Extension Support",url:"https://istio.io/latest/news/releases/1.27.x/announcing-1.27/#inference-extension-support"}]},{id:"istio-1.27-inference-extension-flag",change:"added",severity:"notice",since:"1.27",message:"ENABLE_GATEWAY_API_INFERENCE_EXTENSION is only read from Istio 1.27.",match:[{type:"env",name:"ENABLE_GATEWAY_API_INFERENCE_EXTENSION",component:"istiod"}],sources:[{path:"releases/1.27/change-notes/index.md",section:"Traffic Management",url:"https://istio.io/latest/news/releases/1.27.x/announcing-1.27/change-notes/#traffic-management",refs:["https://github.com/istio/istio/issues/55768"]}]},{id:"istio-1.27-inference-extension-flag-typo",change:"no-effect",severity:"error",since:"1.27",message:"SUPPORT_GATEWAY_API_INFERENCE_EXTENSION (as the 1.27 notes spell it) is not read by istiod; the variable is ENABLE_GATEWAY_API_INFERENCE_EXTENSION.",match:[{type:"env",name:"SUPPORT_GATEWAY_API_INFERENCE_EXTENSION",component:"istiod"}],fix:{type:"renameKey",to:"ENABLE_GATEWAY_API_INFERENCE_EXTENSION"},sources:[{path:"releases/1.27/change-notes/index.md",section:"Traffic Management",url:"https://istio.io/latest/news/releases/1.27.x/announcing-1.27/change-notes/#traffic-management",refs:["https://github.com/istio/istio/issues/55768"]}]},{id:"istio-1.27-xlistenerset",change:"added",severity:"error",since:"1.27",until:"1.30",message:"Istio reads the experimental XListenerSet only from 1.27 (with PILOT_ENABLE_ALPHA_GATEWAY_API=true).",match:[{type:"resource",apiVersions:["gateway.networking.x-k8s.io/v1alpha1"],kinds:["XListenerSet"]}],sources:[{path:"releases/1.27/_index.md",section:"ListenerSets Support",url:"https://istio.io/latest/news/releases/1.27.x/announcing-1.27/#listenersets-support"}]},{id:"istio-1.27-incomplete-cacerts-fails",change:"removed",severity:"error",since:"1.27",message:"From Istio 1.27 istiod refuses to start with an incomplete cacerts Secret instead of falling back to its self-signed CA; provide ca-cert.pem, ca-key.pem, root-cert.pem and cert-chain.pem (or a kubernetes.io/tls layout with tls.crt, tls.key and ca.crt).",match:[{type:"field",apiVersions:["v1"],kinds:["Secret"],paths:["metadata.name"],values:["cacerts"],where:[{path:"data[\"ca-cert.pem\"]",absent:true},{path:"stringData[\"ca-cert.pem\"]",absent:true},{path:"data[\"tls.crt\"]",absent:true},{path:"stringData[\"tls.crt\"]",absent:true}]},{type:"field",apiVersions:["v1"],kinds:["Secret"],paths:["metadata.name"],values:["cacerts"],where:[{path:"data[\"ca-key.pem\"]",absent:true},{path:"stringData[\"ca-key.pem\"]",absent:true},{path:"data[\"tls.crt\"]",absent:true},{path:"stringData[\"tls.crt\"]",absent:true}]},{type:"field",apiVersions:["v1"],kinds:["Secret"],paths:["metadata.name"],values:["cacerts"],where:[{path:"data[\"root-cert.pem\"]",absent:true},{path:"stringData[\"root-cert.pem\"]",absent:true},{path:"data[\"tls.crt\"]",absent:true},{path:"stringData[\"tls.crt\"]",absent:true}]},{type:"field",apiVersions:["v1"],kinds:["Secret"],paths:["metadata.name"],values:["cacerts"],where:[{path:"data[\"cert-chain.pem\"]",absent:true},{path:"stringData[\"cert-chain.pem\"]",absent:true},{path:"data[\"tls.crt\"]",absent:true},{path:"stringData[\"tls.crt\"]",absent:true}]}],sources:[{path:"releases/1.27/change-notes/index.md",section:"Security",url:"https://istio.io/latest/news/releases/1.27.x/announcing-1.27/change-notes/#security"}]},{id:"istio-1.27-cluster-trust-bundle-v1beta1",change:"behaviour-changed",severity:"warning",since:"1.27",message:"From Istio 1.27 ENABLE_CLUSTER_TRUST_BUNDLE_API uses certificates.k8s.io/v1beta1 ClusterTrustBundles, which need Kubernetes 1.33 or newer.",match:[{type:"env",name:"ENABLE_CLUSTER_TRUST_BUNDLE_API",component:"istiod",values:[true]}],sources:[{path:"releases/1.27/change-notes/index.md",section:"Security",url:"https://istio.io/latest/news/releases/1.27.x/announcing-1.27/change-notes/#security",refs:["https://github.com/istio/istio/issues/56306"]}]},{id:"istio-1.27-retry-budget",change:"added",severity:"error",since:"1.27",message:"DestinationRule retryBudget only exists from Istio 1.27; older CRDs reject it.",match:[{type:"field",apiVersions:["networking.istio.io/v1alpha3","networking.istio.io/v1beta1","networking.istio.io/v1"],kinds:["DestinationRule"],paths:["spec.trafficPolicy.retryBudget","spec.subsets[].trafficPolicy.retryBudget"]}],sources:[{path:"releases/1.27/change-notes/index.md",section:"Traffic Management",url:"https://istio.io/latest/news/releases/1.27.x/announcing-1.27/change-notes/#traffic-management"}]},{id:"istio-1.27-gateway-multiple-certificates",change:"added",severity:"error",since:"1.27",message:"Serving several certificates (e.g. RSA and ECDSA) from one Gateway listener is only supported from Istio 1.27; older releases reject or ignore {name}.",match:[{type:"field",apiVersions:["networking.istio.io/v1alpha3","networking.istio.io/v1beta1","networking.istio.io/v1"],kinds:["Gateway"],paths:["spec.servers[].tls.credentialNames","spec.servers[].tls.tlsCertificates"]},{type:"field",apiVersions:["networking.istio.io/v1alpha3","networking.istio.io/v1beta1","networking.istio.io/v1"],kinds:["Sidecar"],paths:["spec.ingress[].tls.credentialNames","spec.ingress[].tls.tlsCertificates"]},{type:"field",apiVersions:["gateway.networking.k8s.io/v1","gateway.networking.k8s.io/v1beta1"],kinds:["Gateway"],paths:["spec.listeners[].tls.certificateRefs[1]"]}],sources:[{path:"releases/1.27/upgrade-notes/index.md",section:"Multiple certificate types support in Gateway",url:"https://istio.io/latest/news/releases/1.27.x/announcing-1.27/upgrade-notes/#multiple-certificate-types-support-in-gateway"},{path:"releases/1.27/change-notes/index.md",section:"Traffic Management",url:"https://istio.io/latest/news/releases/1.27.x/announcing-1.27/change-notes/#traffic-management",refs:["https://github.com/istio/istio/issues/36181"]}]},{id:"istio-1.27-traffic-distribution-same-node-zone",change:"added",severity:"warning",since:"1.27",message:"Istio honours the traffic distribution {value} only from 1.27; older releases ignore the value and keep their default endpoint choice.",match:[{type:"field",apiVersions:["v1"],kinds:["Service"],paths:["spec.trafficDistribution"],values:["PreferSameNode","PreferSameZone"]},{type:"annotation",key:"networking.istio.io/traffic-distribution",on:["Service","ServiceEntry"],values:["PreferSameNode","PreferSameZone"]}],sources:[{path:"releases/1.27/change-notes/index.md",section:"Traffic Management",url:"https://istio.io/latest/news/releases/1.27.x/announcing-1.27/change-notes/#traffic-management",refs:["https://github.com/istio/istio/issues/55848"]}]},{id:"istio-1.27-prefer-close-ignores-subzone",change:"behaviour-changed",severity:"notice",since:"1.27",message:"From Istio 1.27 PreferClose traffic distribution no longer takes the subzone into account.",match:[{type:"field",apiVersions:["v1"],kinds:["Service"],paths:["spec.trafficDistribution"],values:["PreferClose"]},{type:"annotation",key:"networking.istio.io/traffic-distribution",on:["Service","ServiceEntry"],values:["PreferClose"]}],sources:[{path:"releases/1.27/change-notes/index.md",section:"Traffic Management",url:"https://istio.io/latest/news/releases/1.27.x/announcing-1.27/change-notes/#traffic-management",refs:["https://github.com/istio/istio/issues/55848"]}]},{id:"istio-1.27-service-scope-configs",change:"added",severity:"warning",since:"1.27",message:"meshConfig.serviceScopeConfigs (ambient multicluster service scope) only exists from Istio 1.27.",match:[{type:"meshConfig",paths:["serviceScopeConfigs"]}],sources:[{path:"releases/1.27/change-notes/index.md",section:"Traffic Management",url:"https://istio.io/latest/news/releases/1.27.x/announcing-1.27/change-notes/#traffic-management"}]},{id:"istio-1.27-sds-extension-provider",change:"added",severity:"warning",since:"1.27",message:"External SDS providers (extensionProviders[].sds) are only supported from Istio 1.27.",match:[{type:"meshConfig",paths:["extensionProviders[].sds"]}],sources:[{path:"releases/1.27/change-notes/index.md",section:"Security",url:"https://istio.io/latest/news/releases/1.27.x/announcing-1.27/change-notes/#security",refs:["https://github.com/istio/istio/issues/56522"]}]},{id:"istio-1.27-wasm-fail-reload",change:"added",severity:"error",since:"1.27",message:"WasmPlugin failStrategy FAIL_RELOAD only exists from Istio 1.27.",match:[{type:"field",apiVersions:["extensions.istio.io/v1alpha1"],kinds:["WasmPlugin"],paths:["spec.failStrategy"],values:["FAIL_RELOAD"]}],sources:[{path:"releases/1.27/change-notes/index.md",section:"Extensibility",url:"https://istio.io/latest/news/releases/1.27.x/announcing-1.27/change-notes/#extensibility"}]},{id:"istio-1.27-jwt-without-issuer",change:"added",severity:"error",since:"1.27",message:"A RequestAuthentication jwtRule without issuer is only accepted from Istio 1.27; older releases require issuer.",match:[{type:"field",apiVersions:["security.istio.io/v1beta1","security.istio.io/v1"],kinds:["RequestAuthentication"],paths:["spec.jwtRules[]"],where:[{path:"@.issuer",absent:true}]}],sources:[{path:"releases/1.27/change-notes/index.md",section:"Security",url:"https://istio.io/latest/news/releases/1.27.x/announcing-1.27/change-notes/#security",refs:["https://github.com/istio/istio/issues/14400"]}]},{id:"istio-1.27-compliance-policy-pqc",change:"added",severity:"warning",since:"1.27",message:"COMPLIANCE_POLICY pqc is only understood from Istio 1.27.",match:[{type:"env",name:"COMPLIANCE_POLICY",component:"any",values:["pqc"]}],sources:[{path:"releases/1.27/change-notes/index.md",section:"Security",url:"https://istio.io/latest/news/releases/1.27.x/announcing-1.27/change-notes/#security",refs:["https://github.com/istio/istio/issues/56330"]}]},{id:"istio-1.27-new-env",change:"added",severity:"notice",since:"1.27",message:"{name} is only read from Istio 1.27; older releases ignore it.",match:[{type:"env",name:"PILOT_IP_AUTOALLOCATE_IPV4_PREFIX",component:"istiod"},{type:"env",name:"PILOT_IP_AUTOALLOCATE_IPV6_PREFIX",component:"istiod"},{type:"env",name:"ENABLE_LAZY_SIDECAR_EVALUATION",component:"istiod"},{type:"env",name:"ENABLE_PROXY_FIND_POD_BY_IP",component:"istiod"},{type:"env",name:"PILOT_ENABLE_GATEWAY_API_COPY_LABELS_ANNOTATIONS",component:"istiod"}],sources:[{path:"releases/1.27/change-notes/index.md",section:"Traffic Management",url:"https://istio.io/latest/news/releases/1.27.x/announcing-1.27/change-notes/#traffic-management"}]},{id:"istio-1.27-sidecar-scope-concurrency-superseded",change:"deprecated",severity:"notice",since:"1.27",message:"PILOT_CONVERT_SIDECAR_SCOPE_CONCURRENCY is superseded by ENABLE_LAZY_SIDECAR_EVALUATION from Istio 1.27.",match:[{type:"env",name:"PILOT_CONVERT_SIDECAR_SCOPE_CONCURRENCY",component:"istiod"}],sources:[{path:"releases/1.27/change-notes/index.md",section:"Traffic Management",url:"https://istio.io/latest/news/releases/1.27.x/announcing-1.27/change-notes/#traffic-management"}]},{id:"istio-1.27-retry-and-stats-opt-outs-removed",change:"removed",severity:"warning",since:"1.27",message:"{name} no longer exists in Istio 1.27: the opt-out is ignored and the behaviour Istio 1.24 made the default is permanent.",match:[{type:"env",name:"ENABLE_INBOUND_RETRY_POLICY",component:"istiod"},{type:"env",name:"EXCLUDE_UNSAFE_503_FROM_DEFAULT_RETRY",component:"istiod"},{type:"env",name:"ENABLE_DEFERRED_STATS_CREATION",component:"proxy"},{type:"env",name:"BYPASS_OVERLOAD_MANAGER_FOR_STATIC_LISTENERS",component:"proxy"}],sources:[{path:"releases/1.24/upgrade-notes/index.md",section:"Updated compatibility profiles",url:"https://istio.io/latest/news/releases/1.24.x/announcing-1.24/upgrade-notes/#updated-compatibility-profiles",refs:["https://github.com/istio/istio/pull/56023"]}]},{id:"istio-1.27-cni-owned-config-filename-typo",change:"no-effect",severity:"error",since:"1.27",message:"istioOwnedCNIConfigFilename (as the release notes spell it) is not read by the istio-cni chart, which reads istioOwnedCNIConfigFileName (capital N), so the file keeps its default name.",match:[{type:"helmValue",chart:"cni",paths:["istioOwnedCNIConfigFilename","cni.istioOwnedCNIConfigFilename"]}],fix:{type:"renameKey",to:"istioOwnedCNIConfigFileName"},sources:[{path:"releases/1.27/change-notes/index.md",section:"Security",url:"https://istio.io/latest/news/releases/1.27.x/announcing-1.27/change-notes/#security"},{path:"releases/1.29/change-notes/index.md",section:"Security",url:"https://istio.io/latest/news/releases/1.29.x/announcing-1.29/change-notes/#security",refs:["https://github.com/istio/istio/issues/57656"]},{path:"helm/1.27/cni-values.yaml",section:"istioOwnedCNIConfigFileName",url:"https://github.com/istio/istio/blob/1.27.0/manifests/charts/istio-cni/values.yaml"}]},{id:"istio-1.27-telemetry-label-disables-mtls",change:"added",severity:"error",since:"1.27",message:"Before Istio 1.27, {name}=false also turned mTLS off without any warning; keep the default or target 1.27 or newer.",match:[{type:"env",name:"PILOT_ENABLE_TELEMETRY_LABEL",component:"istiod",values:["false"]},{type:"env",name:"PILOT_ENDPOINT_TELEMETRY_LABEL",component:"istiod",values:["false"]}],sources:[{path:"releases/1.27/change-notes/index.md",section:"Traffic Management",url:"https://istio.io/latest/news/releases/1.27.x/announcing-1.27/change-notes/#traffic-management",refs:["https://github.com/istio/istio/issues/56352"]}]},{id:"istio-1.27-plugged-ca-crl",change:"added",severity:"warning",since:"1.27",message:"istiod only distributes the certificate revocation list in ca-crl.pem of the cacerts Secret from Istio 1.27; older releases ignore it, so revoked certificates stay trusted.",match:[{type:"field",apiVersions:["v1"],kinds:["Secret"],paths:["data[\"ca-crl.pem\"]","stringData[\"ca-crl.pem\"]"],where:[{path:"metadata.name",values:["cacerts"]}]}],sources:[{path:"releases/1.27/change-notes/index.md",section:"Security",url:"https://istio.io/latest/news/releases/1.27.x/announcing-1.27/change-notes/#security",refs:["https://github.com/istio/istio/issues/56529"]}]},{id:"istio-1.27-virtualservice-mixed-case-hosts",change:"added",severity:"warning",since:"1.27",message:"Before Istio 1.27 a VirtualService whose hosts contain upper-case letters ({value}) had its routes ignored; write the host in lower case.",match:[{type:"field",apiVersions:["networking.istio.io/v1alpha3","networking.istio.io/v1beta1","networking.istio.io/v1"],kinds:["VirtualService"],paths:["spec.hosts[]"],pattern:"[A-Z]"}],sources:[{path:"releases/1.27/change-notes/index.md",section:"Traffic Management",url:"https://istio.io/latest/news/releases/1.27.x/announcing-1.27/change-notes/#traffic-management",refs:["https://github.com/istio/istio/issues/55767"]}]},{id:"istio-1.27-envoyfilter-listener-filter-merge",change:"added",severity:"warning",since:"1.27",message:"EnvoyFilter MERGE patches on LISTENER_FILTER are only applied from Istio 1.27; older releases skip them.",match:[{type:"field",apiVersions:["networking.istio.io/v1alpha3"],kinds:["EnvoyFilter"],paths:["spec.configPatches[].patch.operation"],values:["MERGE"],where:[{path:"spec.configPatches[].applyTo",values:["LISTENER_FILTER"]}]}],sources:[{path:"releases/1.27/change-notes/index.md",section:"Traffic Management",url:"https://istio.io/latest/news/releases/1.27.x/announcing-1.27/change-notes/#traffic-management"}]},{id:"istio-1.27.4-nftables-tproxy-empty-inbound-ports",change:"added",severity:"warning",since:"1.27.4",backports:["1.28.1"],message:"With native nftables, TPROXY interception and an empty traffic.sidecar.istio.io/includeInboundPorts make istio-init fail before Istio 1.27.4 and 1.28.1, so the pod does not start.",match:[{type:"field",kinds:["$workload"],paths:["$podMetadata.annotations[\"traffic.sidecar.istio.io/includeInboundPorts\"]"],values:[""],where:[{path:"$podMetadata.annotations[\"sidecar.istio.io/interceptionMode\"]",values:["TPROXY"]}]}],sources:[{path:"releases/1.27/_index.md",section:"Patch releases 1.27.4 and 1.28.1 (see refs)",url:"https://istio.io/latest/news/releases/1.27.x/announcing-1.27/",refs:["https://istio.io/latest/news/releases/1.27.x/announcing-1.27.4/","https://istio.io/latest/news/releases/1.28.x/announcing-1.28.1/","https://github.com/istio/istio/issues/58135"]}]},{id:"istio-1.27.4-xlistenerset-tls-secrets",change:"added",severity:"error",since:"1.27.4",backports:["1.28.1"],message:"XListenerSet listeners can only read their TLS certificateRefs from Istio 1.27.4 and 1.28.1; older releases serve these HTTPS listeners without the certificate.",match:[{type:"field",apiVersions:["gateway.networking.x-k8s.io/v1alpha1"],kinds:["XListenerSet"],paths:["spec.listeners[].tls.certificateRefs"]}],sources:[{path:"releases/1.27/_index.md",section:"Patch releases 1.27.4 and 1.28.1 (see refs)",url:"https://istio.io/latest/news/releases/1.27.x/announcing-1.27/",refs:["https://istio.io/latest/news/releases/1.27.x/announcing-1.27.4/","https://istio.io/latest/news/releases/1.28.x/announcing-1.28.1/"]}]},{id:"istio-1.27.4-https-http-same-port-bind",change:"added",severity:"notice",since:"1.27.4",backports:["1.28.1"],message:"Before Istio 1.27.4 and 1.28.1, an HTTPS server processed first kept an HTTP server on the same port but another bind address from getting routes; check servers of this Gateway that share a port number.",match:[{type:"field",apiVersions:["networking.istio.io/v1alpha3","networking.istio.io/v1beta1","networking.istio.io/v1"],kinds:["Gateway"],paths:["spec.servers[].bind"],where:[{path:"spec.servers[].tls"},{path:"spec.servers[].port.protocol",values:["HTTP"]}]}],sources:[{path:"releases/1.27/_index.md",section:"Patch releases 1.27.4 and 1.28.1 (see refs)",url:"https://istio.io/latest/news/releases/1.27.x/announcing-1.27/",refs:["https://istio.io/latest/news/releases/1.27.x/announcing-1.27.4/","https://istio.io/latest/news/releases/1.28.x/announcing-1.28.1/","https://github.com/istio/istio/issues/57706"]}]},{id:"istio-1.27.4-envoyfilter-gatewayclass-target",change:"added",severity:"warning",since:"1.27.4",message:"An EnvoyFilter in the root namespace targeting a GatewayClass is only applied from Istio 1.27.4 and 1.28; older releases do not propagate it to the gateways of that class.",match:[{type:"field",apiVersions:["networking.istio.io/v1alpha3"],kinds:["EnvoyFilter"],paths:["spec.targetRefs[].kind"],values:["GatewayClass"]}],sources:[{path:"releases/1.28/change-notes/index.md",section:"Extensibility",url:"https://istio.io/latest/news/releases/1.28.x/announcing-1.28/change-notes/#extensibility",refs:["https://istio.io/latest/news/releases/1.27.x/announcing-1.27.4/"]}]}];var c127 = {release:release$4,kubernetes:kubernetes$4,compatibilityVersions:compatibilityVersions$4,sources:sources$5,entries:entries$4};

const release$3="1.28";const kubernetes$3={min:"1.29",max:"1.34"};const compatibilityVersions$3=["1.25","1.26","1.27"];const sources$4=[{path:"releases/1.28/_index.md",url:"https://istio.io/latest/news/releases/1.28.x/announcing-1.28/"}];const entries$3=[{id:"istio-1.28-inferencepool-v1alpha2-removed",change:"removed",severity:"error",since:"1.28",message:"Istio 1.28 reads InferencePool only at inference.networking.k8s.io/v1, so v1alpha2 pools stop routing; convert them (targetPortNumber becomes targetPorts[].number, selector moves under matchLabels, extensionRef becomes endpointPickerRef with port.number).",match:[{type:"resource",apiVersions:["inference.networking.x-k8s.io/v1alpha2"],kinds:["InferencePool"]},{type:"field",apiVersions:["gateway.networking.k8s.io/v1","gateway.networking.k8s.io/v1beta1"],kinds:["HTTPRoute"],paths:["spec.rules[].backendRefs[].group"],values:["inference.networking.x-k8s.io"],message:"HTTPRoute backendRefs to InferencePool use group inference.networking.k8s.io from Istio 1.28; the x-k8s.io group is no longer read.",fix:{type:"replaceValue",to:"inference.networking.k8s.io"}}],sources:[{path:"releases/1.28/upgrade-notes/index.md",section:"InferencePool",url:"https://istio.io/latest/news/releases/1.28.x/announcing-1.28/upgrade-notes/#inferencepool",refs:["https://github.com/istio/istio/issues/57219"]},{path:"releases/1.28/change-notes/index.md",section:"Traffic Management",url:"https://istio.io/latest/news/releases/1.28.x/announcing-1.28/change-notes/#traffic-management"}]},{id:"istio-1.28-inferencepool-v1",change:"added",severity:"error",since:"1.28",message:"Istio reads InferencePool at inference.networking.k8s.io/v1 only from 1.28; 1.27 knows only the x-k8s.io v1alpha2 version.",match:[{type:"resource",apiVersions:["inference.networking.k8s.io/v1"],kinds:["InferencePool"]},{type:"field",apiVersions:["gateway.networking.k8s.io/v1","gateway.networking.k8s.io/v1beta1"],kinds:["HTTPRoute"],paths:["spec.rules[].backendRefs[].group"],values:["inference.networking.k8s.io"]}],sources:[{path:"releases/1.28/change-notes/index.md",section:"Traffic Management",url:"https://istio.io/latest/news/releases/1.28.x/announcing-1.28/change-notes/#traffic-management",refs:["https://github.com/istio/istio/issues/57219"]},{path:"releases/1.28/_index.md",section:"Inference Extension Support",url:"https://istio.io/latest/news/releases/1.28.x/announcing-1.28/#inference-extension-support"}]},{id:"istio-1.28-inferencepool-port-number-removed",change:"removed",severity:"error",since:"1.28",message:"InferencePool v1 in Istio 1.28 replaced endpointPickerRef.portNumber with endpointPickerRef.port.number, which is required when kind is unset or Service (9002 is no longer assumed).",match:[{type:"field",apiVersions:["inference.networking.k8s.io/v1"],kinds:["InferencePool"],paths:["spec.endpointPickerRef.portNumber"]}],sources:[{path:"releases/1.28/upgrade-notes/index.md",section:"InferencePool",url:"https://istio.io/latest/news/releases/1.28.x/announcing-1.28/upgrade-notes/#inferencepool"}]},{id:"istio-1.28.1-inferencepool-multiple-target-ports",change:"added",severity:"error",since:"1.28.1",message:"An InferencePool with more than one targetPort is only supported from Istio 1.28.1; older releases serve the first port only.",match:[{type:"field",apiVersions:["inference.networking.k8s.io/v1"],kinds:["InferencePool"],paths:["spec.targetPorts[1]"]}],sources:[{path:"releases/1.28/_index.md",section:"Patch release 1.28.1 (see refs)",url:"https://istio.io/latest/news/releases/1.28.x/announcing-1.28/",refs:["https://istio.io/latest/news/releases/1.28.x/announcing-1.28.1/","https://github.com/istio/istio/issues/57638"]}]},{id:"istio-1.28-backend-tls-policy-v1alpha3-removed",change:"removed",severity:"error",since:"1.28",message:"Istio 1.28 reads BackendTLSPolicy only at gateway.networking.k8s.io/v1 (Gateway API 1.4), so v1alpha3 policies stop applying; the schema is the same, change the apiVersion and install Gateway API 1.4 CRDs.",match:[{type:"resource",apiVersions:["gateway.networking.k8s.io/v1alpha3"],kinds:["BackendTLSPolicy"]}],fix:{type:"replaceValue",to:"gateway.networking.k8s.io/v1"},sources:[{path:"releases/1.28/upgrade-notes/index.md",section:"`BackendTLSPolicy` alpha removal",url:"https://istio.io/latest/news/releases/1.28.x/announcing-1.28/upgrade-notes/#backendtlspolicy-alpha-removal"},{path:"releases/1.28/change-notes/index.md",section:"Installation",url:"https://istio.io/latest/news/releases/1.28.x/announcing-1.28/change-notes/#installation"}]},{id:"istio-1.28-backend-tls-policy-v1",change:"added",severity:"error",since:"1.28",message:"Istio reads BackendTLSPolicy at gateway.networking.k8s.io/v1 only from 1.28; 1.26 and 1.27 know the alpha v1alpha3 version behind PILOT_ENABLE_ALPHA_GATEWAY_API.",match:[{type:"resource",apiVersions:["gateway.networking.k8s.io/v1"],kinds:["BackendTLSPolicy"]}],sources:[{path:"releases/1.28/change-notes/index.md",section:"Installation",url:"https://istio.io/latest/news/releases/1.28.x/announcing-1.28/change-notes/#installation"},{path:"releases/1.28/upgrade-notes/index.md",section:"`BackendTLSPolicy` alpha removal",url:"https://istio.io/latest/news/releases/1.28.x/announcing-1.28/upgrade-notes/#backendtlspolicy-alpha-removal"}]},{id:"istio-1.28-backend-tls-policy-section-name",change:"added",severity:"error",since:"1.28",message:"BackendTLSPolicy targetRefs[].sectionName (TLS for one Service port) is only honoured from Istio 1.28; older releases apply the policy to every port.",match:[{type:"field",apiVersions:["gateway.networking.k8s.io/v1","gateway.networking.k8s.io/v1alpha3"],kinds:["BackendTLSPolicy"],paths:["spec.targetRefs[].sectionName"]}],sources:[{path:"releases/1.28/change-notes/index.md",section:"Traffic Management",url:"https://istio.io/latest/news/releases/1.28.x/announcing-1.28/change-notes/#traffic-management"}]},{id:"istio-1.28-backend-tls-policy-serviceentry-target",change:"added",severity:"error",since:"1.28",message:"A BackendTLSPolicy targeting a ServiceEntry is only supported from Istio 1.28.",match:[{type:"field",apiVersions:["gateway.networking.k8s.io/v1","gateway.networking.k8s.io/v1alpha3"],kinds:["BackendTLSPolicy"],paths:["spec.targetRefs[].kind"],values:["ServiceEntry"]}],sources:[{path:"releases/1.28/change-notes/index.md",section:"Traffic Management",url:"https://istio.io/latest/news/releases/1.28.x/announcing-1.28/change-notes/#traffic-management",refs:["https://github.com/istio/istio/issues/57521"]}]},{id:"istio-1.28-serviceentry-dynamic-dns",change:"added",severity:"error",since:"1.28",message:"ServiceEntry resolution DYNAMIC_DNS (wildcard hosts through a waypoint) only exists from Istio 1.28; older CRDs reject it.",match:[{type:"field",apiVersions:["networking.istio.io/v1alpha3","networking.istio.io/v1beta1","networking.istio.io/v1"],kinds:["ServiceEntry"],paths:["spec.resolution"],values:["DYNAMIC_DNS"]}],sources:[{path:"releases/1.28/change-notes/index.md",section:"Traffic Management",url:"https://istio.io/latest/news/releases/1.28.x/announcing-1.28/change-notes/#traffic-management",refs:["https://github.com/istio/istio/issues/54540"]},{path:"releases/1.28/_index.md",section:"Gateway API and Traffic Management Enhancements",url:"https://istio.io/latest/news/releases/1.28.x/announcing-1.28/#gateway-api-and-traffic-management-enhancements"}]},{id:"istio-1.28-metric-expiry-removed",change:"removed",severity:"warning",since:"1.28",message:"{name} was removed with metric expiry in Istio 1.28 and is ignored; set the pod annotation sidecar.istio.io/statsEvictionInterval instead.",match:[{type:"env",name:"METRIC_ROTATION_INTERVAL",component:"any"},{type:"env",name:"METRIC_GRACEFUL_DELETION_INTERVAL",component:"any"}],sources:[{path:"releases/1.28/upgrade-notes/index.md",section:"Migrate to the new metric eviction mechanism",url:"https://istio.io/latest/news/releases/1.28.x/announcing-1.28/upgrade-notes/#migrate-to-the-new-metric-eviction-mechanism"},{path:"releases/1.28/change-notes/index.md",section:"Telemetry",url:"https://istio.io/latest/news/releases/1.28.x/announcing-1.28/change-notes/#telemetry"}]},{id:"istio-1.28-stats-annotations",change:"added",severity:"warning",since:"1.28",message:"The {name} annotation is only read from Istio 1.28; older injectors ignore it.",match:[{type:"annotation",key:"sidecar.istio.io/statsEvictionInterval",on:["pod"]},{type:"annotation",key:"sidecar.istio.io/statsFlushInterval",on:["pod"]},{type:"annotation",key:"sidecar.istio.io/statsHistogramBins",on:["pod"]}],sources:[{path:"releases/1.28/change-notes/index.md",section:"Telemetry",url:"https://istio.io/latest/news/releases/1.28.x/announcing-1.28/change-notes/#telemetry"},{path:"annotations/1.28/annotations.yaml",section:"sidecar.istio.io/statsEvictionInterval, statsFlushInterval, statsHistogramBins",url:"https://github.com/istio/api/blob/1.28.0/annotation/annotations.yaml"}]},{id:"istio-1.28-spawn-upstream-span-for-gateway",change:"default-changed",severity:"notice",since:"1.28",message:"From Istio 1.28 gateways create a separate upstream span for every request by default, so traces gain a span per gateway hop.",match:[{type:"env",name:"PILOT_SPAWN_UPSTREAM_SPAN_FOR_GATEWAY",component:"istiod",message:"PILOT_SPAWN_UPSTREAM_SPAN_FOR_GATEWAY is set explicitly; Istio 1.28 turns upstream spans for gateways on by default and 1.31 removes the switch."}],sources:[{path:"releases/1.28/change-notes/index.md",section:"Telemetry",url:"https://istio.io/latest/news/releases/1.28.x/announcing-1.28/change-notes/#telemetry"}]},{id:"istio-1.28-shadow-host-suffix",change:"default-changed",severity:"warning",since:"1.28",message:"From Istio 1.28 mirrored requests keep their original Host (DISABLE_SHADOW_HOST_SUFFIX defaults to true, despite the change note) instead of getting a -shadow suffix, so mirror targets that route or filter on the suffix must change; DISABLE_SHADOW_HOST_SUFFIX=false restores it.",match:[{type:"field",apiVersions:["networking.istio.io/v1alpha3","networking.istio.io/v1beta1","networking.istio.io/v1"],kinds:["VirtualService"],paths:["spec.http[].mirror","spec.http[].mirrors"]},{type:"env",name:"DISABLE_SHADOW_HOST_SUFFIX",component:"istiod",severity:"notice",message:"DISABLE_SHADOW_HOST_SUFFIX is set explicitly; from Istio 1.28 true (the default) means no -shadow suffix and false keeps it."}],sources:[{path:"releases/1.28/change-notes/index.md",section:"Traffic Management",url:"https://istio.io/latest/news/releases/1.28.x/announcing-1.28/change-notes/#traffic-management",refs:["https://github.com/istio/istio/issues/57530"]}]},{id:"istio-1.28-max-connections-per-socket-event-sidecars",change:"default-changed",severity:"notice",since:"1.28",message:"From Istio 1.28 sidecar listeners that bind their port explicitly (no iptables capture) accept at most one connection per socket event by default; MAX_CONNECTIONS_PER_SOCKET_EVENT_LOOP=0 restores the old behaviour.",match:[{type:"field",apiVersions:["networking.istio.io/v1alpha3","networking.istio.io/v1beta1","networking.istio.io/v1"],kinds:["Sidecar"],paths:["spec.ingress[].captureMode","spec.egress[].captureMode"],values:["NONE"]},{type:"env",name:"MAX_CONNECTIONS_PER_SOCKET_EVENT_LOOP",component:"istiod",message:"MAX_CONNECTIONS_PER_SOCKET_EVENT_LOOP is set explicitly; Istio 1.28 also applies its default of 1 to sidecar listeners that bind their port explicitly."}],sources:[{path:"releases/1.28/change-notes/index.md",section:"Traffic Management",url:"https://istio.io/latest/news/releases/1.28.x/announcing-1.28/change-notes/#traffic-management"}]},{id:"istio-1.28-serviceentry-none-passthrough-ambient",change:"behaviour-changed",severity:"notice",since:"1.28",message:"In ambient mode Istio 1.28 turns ServiceEntries with resolution NONE into passthrough services; ztunnels older than 1.28 reject them until they are upgraded.",match:[{type:"field",apiVersions:["networking.istio.io/v1alpha3","networking.istio.io/v1beta1","networking.istio.io/v1"],kinds:["ServiceEntry"],paths:["spec.resolution"],values:["NONE"]}],sources:[{path:"releases/1.28/upgrade-notes/index.md",section:"Ambient data plane behavior changes for ServiceEntries with resolution set to `NONE`",url:"https://istio.io/latest/news/releases/1.28.x/announcing-1.28/upgrade-notes/#ambient-data-plane-behavior-changes-for-serviceentries-with-resolution-set-to-none",refs:["https://github.com/istio/istio/issues/57656"]}]},{id:"istio-1.28-ca-cert-credential-name",change:"added",severity:"error",since:"1.28",message:"Server TLS caCertCredentialName (a separate Secret or ConfigMap with the client CA) only exists from Istio 1.28; older CRDs reject it.",match:[{type:"field",apiVersions:["networking.istio.io/v1alpha3","networking.istio.io/v1beta1","networking.istio.io/v1"],kinds:["Gateway"],paths:["spec.servers[].tls.caCertCredentialName"]},{type:"field",apiVersions:["networking.istio.io/v1alpha3","networking.istio.io/v1beta1","networking.istio.io/v1"],kinds:["Sidecar"],paths:["spec.ingress[].tls.caCertCredentialName"]}],sources:[{path:"releases/1.28/change-notes/index.md",section:"Security",url:"https://istio.io/latest/news/releases/1.28.x/announcing-1.28/change-notes/#security",refs:["https://github.com/istio/istio/issues/43966"]}]},{id:"istio-1.28-jwt-space-delimited-claims",change:"added",severity:"error",since:"1.28",message:"RequestAuthentication jwtRules[].spaceDelimitedClaims only exists from Istio 1.28; older CRDs reject it.",match:[{type:"field",apiVersions:["security.istio.io/v1beta1","security.istio.io/v1"],kinds:["RequestAuthentication"],paths:["spec.jwtRules[].spaceDelimitedClaims"]}],sources:[{path:"releases/1.28/change-notes/index.md",section:"Security",url:"https://istio.io/latest/news/releases/1.28.x/announcing-1.28/change-notes/#security",refs:["https://github.com/istio/istio/issues/56873"]}]},{id:"istio-1.28-consistent-hash-cookie-attributes",change:"added",severity:"error",since:"1.28",message:"Cookie attributes (SameSite, Secure, HttpOnly) in consistent-hash load balancing only exist from Istio 1.28; older CRDs reject them.",match:[{type:"field",apiVersions:["networking.istio.io/v1alpha3","networking.istio.io/v1beta1","networking.istio.io/v1"],kinds:["DestinationRule"],paths:["$trafficPolicy.loadBalancer.consistentHash.httpCookie.attributes"]}],sources:[{path:"releases/1.28/change-notes/index.md",section:"Traffic Management",url:"https://istio.io/latest/news/releases/1.28.x/announcing-1.28/change-notes/#traffic-management",refs:["https://github.com/istio/istio/issues/56468","https://github.com/istio/istio/issues/49870"]}]},{id:"istio-1.28-zipkin-trace-context-option",change:"added",severity:"warning",since:"1.28",message:"The Zipkin provider traceContextOption (B3 and W3C propagation) only exists from Istio 1.28.",match:[{type:"meshConfig",paths:["extensionProviders[].zipkin.traceContextOption"]}],sources:[{path:"releases/1.28/change-notes/index.md",section:"Telemetry",url:"https://istio.io/latest/news/releases/1.28.x/announcing-1.28/change-notes/#telemetry"}]},{id:"istio-1.28-x-forwarded-headers",change:"added",severity:"warning",since:"1.28",message:"ProxyConfig {name} only exists from Istio 1.28.",match:[{type:"proxyConfig",paths:["proxyHeaders.xForwardedHost","proxyHeaders.xForwardedPort"]}],sources:[{path:"releases/1.28/change-notes/index.md",section:"Traffic Management",url:"https://istio.io/latest/news/releases/1.28.x/announcing-1.28/change-notes/#traffic-management"}]},{id:"istio-1.28-native-nftables-ambient",change:"added",severity:"warning",since:"1.28",message:"Native nftables for ambient mode (global.nativeNftables on an ambient istio-cni) is only supported from Istio 1.28; the 1.27 istio-cni reads the value for sidecar redirection only.",match:[{type:"helmValue",chart:"cni",paths:["global.nativeNftables"],values:[true],iopPaths:[],where:[{path:"ambient.enabled",values:[true]}]},{type:"helmValue",chart:"cni",paths:["global.nativeNftables"],values:[true],iopPaths:[],where:[{path:"profile",values:["ambient"]}]}],sources:[{path:"releases/1.28/change-notes/index.md",section:"Traffic Management",url:"https://istio.io/latest/news/releases/1.28.x/announcing-1.28/change-notes/#traffic-management",refs:["https://github.com/istio/istio/issues/57324"]},{path:"releases/1.28/_index.md",section:"Native nftables Support in Ambient Mode",url:"https://istio.io/latest/news/releases/1.28.x/announcing-1.28/#native-nftables-support-in-ambient-mode"}]},{id:"istio-1.28-multi-network-waypoint",change:"behaviour-changed",severity:"notice",since:"1.28",message:"From Istio 1.28 ambient waypoints route to remote networks; AMBIENT_ENABLE_MULTI_NETWORK_WAYPOINT=false turns that off if it breaks a multicluster setup.",match:[{type:"env",name:"AMBIENT_ENABLE_MULTI_NETWORK_WAYPOINT",component:"istiod"}],sources:[{path:"releases/1.28/_index.md",section:"Ambient Multicluster",url:"https://istio.io/latest/news/releases/1.28.x/announcing-1.28/#ambient-multicluster",refs:["https://github.com/istio/istio/issues/57537"]}]},{id:"istio-1.28-gateway-api-bundle-1.4",change:"removed",severity:"error",since:"1.28",message:"Istio 1.28 ignores the BackendTLSPolicy CRD unless it comes from Gateway API 1.4 or newer; install the Gateway API 1.4 CRDs.",match:[{type:"field",apiVersions:["apiextensions.k8s.io/v1"],kinds:["CustomResourceDefinition"],paths:["metadata.annotations[\"gateway.networking.k8s.io/bundle-version\"]"],pattern:"^v?(0\\.|1\\.[0-3]\\.)",where:[{path:"metadata.name",values:["backendtlspolicies.gateway.networking.k8s.io"]}]}],sources:[{path:"releases/1.28/change-notes/index.md",section:"Installation",url:"https://istio.io/latest/news/releases/1.28.x/announcing-1.28/change-notes/#installation"},{path:"releases/1.28/upgrade-notes/index.md",section:"`BackendTLSPolicy` alpha removal",url:"https://istio.io/latest/news/releases/1.28.x/announcing-1.28/upgrade-notes/#backendtlspolicy-alpha-removal"}]},{id:"istio-1.28-h2-upgrade-pool-settings",change:"added",severity:"warning",since:"1.28",message:"Before Istio 1.28 the HTTP/2 connection-pool limits ({name}) were not applied to connections upgraded with h2UpgradePolicy UPGRADE; they only take effect from 1.28.",match:[{type:"field",apiVersions:["networking.istio.io/v1alpha3","networking.istio.io/v1beta1","networking.istio.io/v1"],kinds:["DestinationRule"],paths:["$trafficPolicy.connectionPool.http.http2MaxRequests"],where:[{path:"$trafficPolicy.connectionPool.http.h2UpgradePolicy",values:["UPGRADE"]}]},{type:"field",apiVersions:["networking.istio.io/v1alpha3","networking.istio.io/v1beta1","networking.istio.io/v1"],kinds:["DestinationRule"],paths:["$trafficPolicy.connectionPool.http.maxConcurrentStreams"],where:[{path:"$trafficPolicy.connectionPool.http.h2UpgradePolicy",values:["UPGRADE"]}]}],sources:[{path:"releases/1.28/change-notes/index.md",section:"Traffic Management",url:"https://istio.io/latest/news/releases/1.28.x/announcing-1.28/change-notes/#traffic-management",refs:["https://github.com/istio/istio/issues/57583"]}]},{id:"istio-1.28-waypoint-termination-grace",change:"behaviour-changed",severity:"notice",since:"1.28",message:"From Istio 1.28 waypoint Deployments use the Kubernetes default terminationGracePeriodSeconds (30 s) instead of 2 s, so waypoint pods drain longer during rollouts.",match:[{type:"field",apiVersions:["gateway.networking.k8s.io/v1","gateway.networking.k8s.io/v1beta1"],kinds:["Gateway"],paths:["spec.gatewayClassName"],values:["istio-waypoint"]}],sources:[{path:"releases/1.28/change-notes/index.md",section:"Traffic Management",url:"https://istio.io/latest/news/releases/1.28.x/announcing-1.28/change-notes/#traffic-management"}]}];var c128 = {release:release$3,kubernetes:kubernetes$3,compatibilityVersions:compatibilityVersions$3,sources:sources$4,entries:entries$3};

const release$2="1.29";const kubernetes$2={min:"1.31",max:"1.35"};const compatibilityVersions$2=["1.25","1.26","1.27","1.28"];const sources$3=[{path:"releases/1.29/_index.md",url:"https://istio.io/latest/news/releases/1.29.x/announcing-1.29/"}];const entries$2=[{id:"istio-1.29-stats-compression-annotation-removed",change:"removed",severity:"warning",since:"1.29",message:"Istio 1.29 removed the sidecar.istio.io/statsCompression annotation (stats compression is on by default); disable it per pod with proxy.istio.io/config statsCompression: false.",match:[{type:"annotation",key:"sidecar.istio.io/statsCompression",on:["pod"]}],sources:[{path:"releases/1.29/upgrade-notes/index.md",section:"HTTP compression of Envoy metrics (`prometheus_stats`) enabled by default",url:"https://istio.io/latest/news/releases/1.29.x/announcing-1.29/upgrade-notes/#http-compression-of-envoy-metrics-prometheus_stats-enabled-by-default"},{path:"releases/1.29/change-notes/index.md",section:"Telemetry",url:"https://istio.io/latest/news/releases/1.29.x/announcing-1.29/change-notes/#telemetry"}]},{id:"istio-1.29-stats-compression-option",change:"added",severity:"warning",since:"1.29",message:"ProxyConfig statsCompression only exists from Istio 1.29.",match:[{type:"proxyConfig",paths:["statsCompression"]}],sources:[{path:"releases/1.29/change-notes/index.md",section:"Telemetry",url:"https://istio.io/latest/news/releases/1.29.x/announcing-1.29/change-notes/#telemetry"}]},{id:"istio-1.29-debug-endpoint-auth",change:"default-changed",severity:"warning",since:"1.29",message:"From Istio 1.29 istiod debug endpoints on port 15014 only serve config_dump, ndsz and edsz for same-namespace proxies to callers outside the system namespace, so tools such as Kiali running elsewhere lose access; ENABLE_DEBUG_ENDPOINT_AUTH=false restores it.",match:[{type:"env",name:"ENABLE_DEBUG_ENDPOINT_AUTH",component:"istiod",severity:"notice",message:"ENABLE_DEBUG_ENDPOINT_AUTH is set explicitly; Istio 1.29 restricts the istiod debug endpoints by default."},{type:"field",apiVersions:["apps/v1"],kinds:["Deployment"],paths:["metadata.name"],pattern:"^kiali",where:[{path:"metadata.namespace",pattern:"^(?!istio-system$)"}]}],sources:[{path:"releases/1.29/upgrade-notes/index.md",section:"Debug endpoint authorization enabled by default",url:"https://istio.io/latest/news/releases/1.29.x/announcing-1.29/upgrade-notes/#debug-endpoint-authorization-enabled-by-default"},{path:"releases/1.29/change-notes/index.md",section:"Security",url:"https://istio.io/latest/news/releases/1.29.x/announcing-1.29/change-notes/#security"}]},{id:"istio-1.29-circuit-breaker-remaining-metrics",change:"default-changed",severity:"warning",since:"1.29",message:"From Istio 1.29 Envoy no longer tracks the circuit-breaker remaining gauges by default, so dashboards and alerts on *_remaining_* metrics go empty; DISABLE_TRACK_REMAINING_CB_METRICS=false restores them.",match:[{type:"field",apiVersions:["networking.istio.io/v1alpha3","networking.istio.io/v1beta1","networking.istio.io/v1"],kinds:["DestinationRule"],paths:["$trafficPolicy.connectionPool"]},{type:"env",name:"DISABLE_TRACK_REMAINING_CB_METRICS",component:"istiod",severity:"notice",message:"DISABLE_TRACK_REMAINING_CB_METRICS is set explicitly; Istio 1.29 stops tracking remaining circuit-breaker gauges by default."}],sources:[{path:"releases/1.29/upgrade-notes/index.md",section:"Circuit breaker metrics tracking behavior change",url:"https://istio.io/latest/news/releases/1.29.x/announcing-1.29/upgrade-notes/#circuit-breaker-metrics-tracking-behavior-change"},{path:"releases/1.29/change-notes/index.md",section:"Traffic Management",url:"https://istio.io/latest/news/releases/1.29.x/announcing-1.29/change-notes/#traffic-management"}]},{id:"istio-1.29-reconcile-iptables-on-startup",change:"default-changed",severity:"notice",since:"1.29",message:"From Istio 1.29 a new istio-cni pod rewrites the iptables or nftables rules of already enrolled ambient pods on startup by default.",match:[{type:"helmValue",chart:"cni",paths:["profile"],values:["ambient"],iopPaths:[]},{type:"field",apiVersions:["install.istio.io/v1alpha1"],kinds:["IstioOperator"],paths:["spec.profile"],values:["ambient"]},{type:"helmValue",chart:"cni",paths:["ambient.reconcileIptablesOnStartup","cni.ambient.reconcileIptablesOnStartup"],message:"{name} is set explicitly; Istio 1.29 reconciles ambient pod rules on startup by default."}],sources:[{path:"releases/1.29/upgrade-notes/index.md",section:"Ambient iptables reconciliation enabled by default",url:"https://istio.io/latest/news/releases/1.29.x/announcing-1.29/upgrade-notes/#ambient-iptables-reconciliation-enabled-by-default"},{path:"releases/1.29/change-notes/index.md",section:"Traffic Management",url:"https://istio.io/latest/news/releases/1.29.x/announcing-1.29/change-notes/#traffic-management"}]},{id:"istio-1.29-dry-run-authz-in-ztunnel",change:"behaviour-changed",severity:"warning",since:"1.29",message:"With AMBIENT_ENABLE_DRY_RUN_AUTHORIZATION_POLICY=true istiod sends dry-run AuthorizationPolicies to ztunnel, and ztunnels older than 1.29 enforce them; upgrade every ztunnel first.",match:[{type:"env",name:"AMBIENT_ENABLE_DRY_RUN_AUTHORIZATION_POLICY",component:"istiod",values:[true]}],sources:[{path:"releases/1.29/upgrade-notes/index.md",section:"Upgrading in ambient mode with dry-run AuthorizationPolicy",url:"https://istio.io/latest/news/releases/1.29.x/announcing-1.29/upgrade-notes/#upgrading-in-ambient-mode-with-dry-run-authorizationpolicy"},{path:"releases/1.29/change-notes/index.md",section:"Security",url:"https://istio.io/latest/news/releases/1.29.x/announcing-1.29/change-notes/#security"}]},{id:"istio-1.29-annotation-control-characters",change:"removed",severity:"error",since:"1.29",message:"From Istio 1.29 injection rejects {name} values that contain newlines or control characters; write the value on one line (a YAML block scalar adds a newline).",match:[{type:"annotation",key:"sidecar.istio.io/proxyImage",on:["pod"],pattern:"[\\x00-\\x1f]"},{type:"annotation",key:"sidecar.istio.io/proxyCPU",on:["pod"],pattern:"[\\x00-\\x1f]"},{type:"annotation",key:"sidecar.istio.io/proxyMemory",on:["pod"],pattern:"[\\x00-\\x1f]"},{type:"annotation",key:"sidecar.istio.io/proxyCPULimit",on:["pod"],pattern:"[\\x00-\\x1f]"},{type:"annotation",key:"sidecar.istio.io/proxyMemoryLimit",on:["pod"],pattern:"[\\x00-\\x1f]"},{type:"annotation",key:"sidecar.istio.io/logLevel",on:["pod"],pattern:"[\\x00-\\x1f]"},{type:"annotation",key:"sidecar.istio.io/componentLogLevel",on:["pod"],pattern:"[\\x00-\\x1f]"},{type:"annotation",key:"sidecar.istio.io/agentLogLevel",on:["pod"],pattern:"[\\x00-\\x1f]"},{type:"annotation",key:"sidecar.istio.io/bootstrapOverride",on:["pod"],pattern:"[\\x00-\\x1f]"}],sources:[{path:"releases/1.29/change-notes/index.md",section:"Security",url:"https://istio.io/latest/news/releases/1.29.x/announcing-1.29/change-notes/#security",refs:["https://github.com/istio/istio/issues/58889"]}]},{id:"istio-1.29-locality-label",change:"added",severity:"warning",since:"1.29",message:"The topology.istio.io/locality label is only read from Istio 1.29 (it overrides istio-locality).",match:[{type:"label",key:"topology.istio.io/locality",on:["pod","WorkloadEntry"]}],sources:[{path:"releases/1.29/change-notes/index.md",section:"Traffic Management",url:"https://istio.io/latest/news/releases/1.29.x/announcing-1.29/change-notes/#traffic-management"}]},{id:"istio-1.29-tls-cipher-suites-option",change:"added",severity:"warning",since:"1.29",message:"The Gateway listener option gateway.istio.io/tls-cipher-suites is only read from Istio 1.29.",match:[{type:"field",apiVersions:["gateway.networking.k8s.io/v1","gateway.networking.k8s.io/v1beta1"],kinds:["Gateway"],paths:["spec.listeners[].tls.options[\"gateway.istio.io/tls-cipher-suites\"]"]}],sources:[{path:"releases/1.29/change-notes/index.md",section:"Traffic Management",url:"https://istio.io/latest/news/releases/1.29.x/announcing-1.29/change-notes/#traffic-management"}]},{id:"istio-1.29-zipkin-timeout-headers",change:"added",severity:"warning",since:"1.29",message:"The Zipkin provider setting {name} only exists from Istio 1.29.",match:[{type:"meshConfig",paths:["extensionProviders[].zipkin.timeout","extensionProviders[].zipkin.headers"]}],sources:[{path:"releases/1.29/change-notes/index.md",section:"Telemetry",url:"https://istio.io/latest/news/releases/1.29.x/announcing-1.29/change-notes/#telemetry"}]},{id:"istio-1.29-telemetry-formatter-tags",change:"added",severity:"error",since:"1.29",message:"Telemetry custom tags of type formatter only exist from Istio 1.29; older CRDs reject them.",match:[{type:"field",apiVersions:["telemetry.istio.io/v1alpha1","telemetry.istio.io/v1"],kinds:["Telemetry"],paths:["spec.tracing[].customTags.*.formatter"]}],sources:[{path:"releases/1.29/change-notes/index.md",section:"Telemetry",url:"https://istio.io/latest/news/releases/1.29.x/announcing-1.29/change-notes/#telemetry"}]},{id:"istio-1.29-envoyfilter-waypoint-match",change:"added",severity:"error",since:"1.29",message:"EnvoyFilter waypoint matching (match.waypoint, context WAYPOINT) only exists from Istio 1.29; older CRDs reject it.",match:[{type:"field",apiVersions:["networking.istio.io/v1alpha3"],kinds:["EnvoyFilter"],paths:["spec.configPatches[].match.waypoint"]},{type:"field",apiVersions:["networking.istio.io/v1alpha3"],kinds:["EnvoyFilter"],paths:["spec.configPatches[].match.context"],values:["WAYPOINT"]}],sources:[{path:"crds/1.29/istio-crds.yaml",section:"EnvoyFilter match.waypoint, context WAYPOINT",url:"https://github.com/istio/istio/blob/1.29.0/manifests/charts/base/files/crd-all.gen.yaml"}]},{id:"istio-1.29-access-log-flush",change:"added",severity:"warning",since:"1.29",message:"ProxyConfig {name} (access log flushing) only exists from Istio 1.29.",match:[{type:"proxyConfig",paths:["fileFlushInterval","fileFlushMinSizeKb"]}],sources:[{path:"releases/1.29/change-notes/index.md",section:"Installation",url:"https://istio.io/latest/news/releases/1.29.x/announcing-1.29/change-notes/#installation"}]},{id:"istio-1.29-wildcard-serviceentry-tls",change:"added",severity:"warning",since:"1.29",message:"Wildcard DYNAMIC_DNS ServiceEntries for TLS hosts are only supported from Istio 1.29, and only with ENABLE_WILDCARD_HOST_SERVICE_ENTRIES_FOR_TLS=true.",match:[{type:"field",apiVersions:["networking.istio.io/v1alpha3","networking.istio.io/v1beta1","networking.istio.io/v1"],kinds:["ServiceEntry"],paths:["spec.ports[].protocol"],values:["TLS"],where:[{path:"spec.resolution",values:["DYNAMIC_DNS"]},{path:"spec.hosts[]",pattern:"^\\*"}]}],sources:[{path:"releases/1.29/change-notes/index.md",section:"Traffic Management",url:"https://istio.io/latest/news/releases/1.29.x/announcing-1.29/change-notes/#traffic-management",refs:["https://github.com/istio/istio/issues/54540"]},{path:"releases/1.29/_index.md",section:"TLS Traffic Management for Wildcard Hosts",url:"https://istio.io/latest/news/releases/1.29.x/announcing-1.29/#tls-traffic-management-for-wildcard-hosts"}]},{id:"istio-1.29-global-downstream-max-connections-runtime-deprecated",change:"deprecated",severity:"notice",since:"1.29",message:"The Envoy runtime flag overload.global_downstream_max_connections is deprecated since Istio 1.29; set proxy metadata ISTIO_META_GLOBAL_DOWNSTREAM_MAX_CONNECTIONS instead.",match:[{type:"proxyConfig",paths:["runtimeValues[\"overload.global_downstream_max_connections\"]"]}],sources:[{path:"releases/1.29/change-notes/index.md",section:"Traffic Management",url:"https://istio.io/latest/news/releases/1.29.x/announcing-1.29/change-notes/#traffic-management",refs:["https://github.com/istio/istio/issues/58594"]}]},{id:"istio-1.29-new-env",change:"added",severity:"notice",since:"1.29",message:"{name} is only read from Istio 1.29; older releases ignore it.",match:[{type:"env",name:"PILOT_IGNORE_RESOURCES",component:"istiod"},{type:"env",name:"PILOT_INCLUDE_RESOURCES",component:"istiod"},{type:"env",name:"ENABLE_WILDCARD_HOST_SERVICE_ENTRIES_FOR_TLS",component:"istiod"},{type:"env",name:"AMBIENT_ENABLE_BAGGAGE",component:"istiod"},{type:"env",name:"AMBIENT_ENABLE_DRY_RUN_AUTHORIZATION_POLICY",component:"istiod"},{type:"env",name:"DISABLE_TRACK_REMAINING_CB_METRICS",component:"istiod"},{type:"env",name:"ISTIO_META_GLOBAL_DOWNSTREAM_MAX_CONNECTIONS",component:"proxy"},{type:"env",name:"AMBIENT_ENABLE_MULTI_NETWORK_INGRESS",component:"istiod"},{type:"env",name:"BLOCKED_CIDRS_IN_JWKS_URIS",component:"istiod"}],sources:[{path:"releases/1.29/change-notes/index.md",section:"Traffic Management",url:"https://istio.io/latest/news/releases/1.29.x/announcing-1.29/change-notes/#traffic-management"},{path:"releases/1.29/change-notes/index.md",section:"Installation",url:"https://istio.io/latest/news/releases/1.29.x/announcing-1.29/change-notes/#installation"},{path:"releases/1.29/change-notes/index.md",section:"Security",url:"https://istio.io/latest/news/releases/1.29.x/announcing-1.29/change-notes/#security"},{path:"releases/1.30/change-notes/index.md",section:"istioctl (names BLOCKED_CIDRS_IN_JWKS_URIS, the 1.29 JWKS CIDR block)",url:"https://istio.io/latest/news/releases/1.30.x/announcing-1.30/change-notes/#istioctl",refs:["https://github.com/istio/istio/issues/59523"]}]}];var c129 = {release:release$2,kubernetes:kubernetes$2,compatibilityVersions:compatibilityVersions$2,sources:sources$3,entries:entries$2};

const release$1="1.30";const kubernetes$1={min:"1.32",max:"1.36"};const compatibilityVersions$1=["1.25","1.26","1.27","1.28","1.29"];const sources$2=[{path:"releases/1.30/_index.md",url:"https://istio.io/latest/news/releases/1.30.x/announcing-1.30/"}];const entries$1=[{id:"istio-1.30-tlsroute-v1alpha-removed",change:"removed",severity:"error",since:"1.30",message:"Istio 1.30 reads TLSRoute only at gateway.networking.k8s.io/v1 (Gateway API 1.5), so v1alpha2/v1alpha3 TLSRoutes and TLS passthrough stop working; change the apiVersion and install Gateway API 1.5 CRDs.",match:[{type:"resource",apiVersions:["gateway.networking.k8s.io/v1alpha2","gateway.networking.k8s.io/v1alpha3"],kinds:["TLSRoute"]}],fix:{type:"replaceValue",to:"gateway.networking.k8s.io/v1"},sources:[{path:"releases/1.31/change-notes/index.md",section:"Traffic Management",url:"https://istio.io/latest/news/releases/1.31.x/announcing-1.31/change-notes/#traffic-management"},{path:"releases/1.30/change-notes/index.md",section:"Traffic Management",url:"https://istio.io/latest/news/releases/1.30.x/announcing-1.30/change-notes/#traffic-management"}]},{id:"istio-1.30-tlsroute-v1",change:"added",severity:"error",since:"1.30",message:"Istio reads TLSRoute at gateway.networking.k8s.io/v1 only from 1.30; older releases read v1alpha2.",match:[{type:"resource",apiVersions:["gateway.networking.k8s.io/v1"],kinds:["TLSRoute"]}],fix:{type:"replaceValue",to:"gateway.networking.k8s.io/v1alpha2"},sources:[{path:"releases/1.31/change-notes/index.md",section:"Traffic Management",url:"https://istio.io/latest/news/releases/1.31.x/announcing-1.31/change-notes/#traffic-management"},{path:"releases/1.30/change-notes/index.md",section:"Traffic Management",url:"https://istio.io/latest/news/releases/1.30.x/announcing-1.30/change-notes/#traffic-management"}]},{id:"istio-1.30-gateway-api-bundle-1.5",change:"removed",severity:"error",since:"1.30",message:"Istio 1.30 ignores the TLSRoute CRD unless it comes from Gateway API 1.5 or newer, which silently breaks TLS passthrough; install the Gateway API 1.5 CRDs first.",match:[{type:"field",apiVersions:["apiextensions.k8s.io/v1"],kinds:["CustomResourceDefinition"],paths:["metadata.annotations[\"gateway.networking.k8s.io/bundle-version\"]"],pattern:"^v?(0\\.|1\\.[0-4]\\.)",where:[{path:"metadata.name",values:["tlsroutes.gateway.networking.k8s.io"]}]}],sources:[{path:"releases/1.31/change-notes/index.md",section:"Traffic Management",url:"https://istio.io/latest/news/releases/1.31.x/announcing-1.31/change-notes/#traffic-management"},{path:"releases/1.30/change-notes/index.md",section:"Traffic Management",url:"https://istio.io/latest/news/releases/1.30.x/announcing-1.30/change-notes/#traffic-management"}]},{id:"istio-1.30-xlistenerset-removed",change:"removed",severity:"error",since:"1.30",message:"Istio 1.30 reads ListenerSet at gateway.networking.k8s.io/v1 (Gateway API 1.5) instead of the experimental XListenerSet; rewrite it as kind ListenerSet.",match:[{type:"resource",apiVersions:["gateway.networking.x-k8s.io/v1alpha1"],kinds:["XListenerSet"]}],sources:[{path:"releases/1.30/announcing-1.30.1/index.md",section:"Changes",url:"https://istio.io/latest/news/releases/1.30.x/announcing-1.30.1/"}]},{id:"istio-1.30-listenerset-v1",change:"added",severity:"error",since:"1.30",message:"Istio reads ListenerSet (gateway.networking.k8s.io/v1) only from 1.30; 1.27 to 1.29 know the experimental XListenerSet.",match:[{type:"resource",apiVersions:["gateway.networking.k8s.io/v1"],kinds:["ListenerSet"]}],sources:[{path:"releases/1.30/announcing-1.30.1/index.md",section:"Changes",url:"https://istio.io/latest/news/releases/1.30.x/announcing-1.30.1/"}]},{id:"istio-1.30-cni-config-permissions",change:"behaviour-changed",severity:"notice",since:"1.30",message:"From Istio 1.30 the CNI config files Istio writes are mode 0600; tools that read them as a group member need CNI_CONF_GROUP_READ=true in the istio-cni env.",match:[{type:"helmChart",names:["cni"]},{type:"helmValue",chart:"cni",paths:["env.CNI_CONF_GROUP_READ","cni.env.CNI_CONF_GROUP_READ"]}],sources:[{path:"releases/1.30/upgrade-notes/index.md",section:"CNI config file permissions changed to 0600",url:"https://istio.io/latest/news/releases/1.30.x/announcing-1.30/upgrade-notes/#cni-config-file-permissions-changed-to-0600"}]},{id:"istio-1.30-cni-exclude-namespaces",change:"behaviour-changed",severity:"warning",since:"1.30",message:"From Istio 1.30 the istio-cni agent honours excludeNamespaces, so ambient pods in those namespaces are taken out of the mesh.",match:[{type:"helmValue",chart:"cni",paths:["excludeNamespaces","cni.excludeNamespaces"]}],sources:[{path:"releases/1.30/upgrade-notes/index.md",section:"CNI Agent respects excludeNamespaces configuration",url:"https://istio.io/latest/news/releases/1.30.x/announcing-1.30/upgrade-notes/#cni-agent-respects-excludenamespaces-configuration"}]},{id:"istio-1.30-untaint-controller-env",change:"behaviour-changed",severity:"notice",since:"1.30",message:"From Istio 1.30 enabling the untaint controller (taint.enabled) sets PILOT_ENABLE_NODE_UNTAINT_CONTROLLERS on istiod automatically, so the manual variable can go.",match:[{type:"env",name:"PILOT_ENABLE_NODE_UNTAINT_CONTROLLERS",component:"istiod"},{type:"helmValue",chart:"istiod",paths:["pilot.taint.enabled","taint.enabled"]}],sources:[{path:"releases/1.30/upgrade-notes/index.md",section:"Untaint controller",url:"https://istio.io/latest/news/releases/1.30.x/announcing-1.30/upgrade-notes/#untaint-controller"}]},{id:"istio-1.30-pick-best-service-namespace",change:"default-changed",severity:"warning",since:"1.30",message:"From Istio 1.30, when a hostname exists in several namespaces sidecars prefer the Kubernetes Service and then the oldest ServiceEntry (not the first namespace alphabetically), so traffic to this host may go elsewhere.",match:[{type:"field",apiVersions:["networking.istio.io/v1alpha3","networking.istio.io/v1beta1","networking.istio.io/v1"],kinds:["ServiceEntry"],paths:["spec.hosts[]"],pattern:"^[^.]+\\.([^.]+)\\.svc(\\.|$)",where:[{path:"metadata.namespace",equalsGroup:1,absent:true}]},{type:"env",name:"PILOT_SIDECAR_PICK_BEST_SERVICE_NAMESPACE",component:"istiod",severity:"notice",message:"PILOT_SIDECAR_PICK_BEST_SERVICE_NAMESPACE is set explicitly; Istio 1.30 changes duplicate-host selection by default."}],sources:[{path:"releases/1.30/upgrade-notes/index.md",section:"Sidecar proxy service namespace selection changed",url:"https://istio.io/latest/news/releases/1.30.x/announcing-1.30/upgrade-notes/#sidecar-proxy-service-namespace-selection-changed"},{path:"releases/1.30/change-notes/index.md",section:"Traffic Management",url:"https://istio.io/latest/news/releases/1.30.x/announcing-1.30/change-notes/#traffic-management"}]},{id:"istio-1.30-xds-debug-auth",change:"default-changed",severity:"warning",since:"1.30",message:"From Istio 1.30 the XDS debug endpoints (syncz, config_dump) on plaintext port 15010 require authentication, which breaks istioctl --plaintext and custom plaintext tooling; ENABLE_DEBUG_ENDPOINT_AUTH=false restores it.",match:[{type:"env",name:"ENABLE_DEBUG_ENDPOINT_AUTH",component:"istiod",severity:"notice",message:"ENABLE_DEBUG_ENDPOINT_AUTH is set explicitly; Istio 1.30 also requires authentication on the plaintext XDS debug endpoints by default."}],sources:[{path:"releases/1.30/upgrade-notes/index.md",section:"XDS debug endpoints now require authentication",url:"https://istio.io/latest/news/releases/1.30.x/announcing-1.30/upgrade-notes/#xds-debug-endpoints-now-require-authentication"},{path:"releases/1.30/change-notes/index.md",section:"Security",url:"https://istio.io/latest/news/releases/1.30.x/announcing-1.30/change-notes/#security"}]},{id:"istio-1.30-wildcard-serviceentry-sidecars",change:"added",severity:"warning",since:"1.30",message:"Before Istio 1.30 a wildcard ServiceEntry with resolution DYNAMIC_DNS only works for ambient workloads through a waypoint (HTTP only); sidecars get support in 1.30, so label it istio.io/use-waypoint or target 1.30.",match:[{type:"field",apiVersions:["networking.istio.io/v1alpha3","networking.istio.io/v1beta1","networking.istio.io/v1"],kinds:["ServiceEntry"],paths:["spec.resolution"],values:["DYNAMIC_DNS"],where:[{path:"spec.hosts[]",pattern:"^\\*"},{path:"metadata.labels[\"istio.io/use-waypoint\"]",absent:true}]}],sources:[{path:"releases/1.30/change-notes/index.md",section:"Traffic Management",url:"https://istio.io/latest/news/releases/1.30.x/announcing-1.30/change-notes/#traffic-management",refs:["https://github.com/istio/istio/issues/58244"]},{path:"releases/1.28/change-notes/index.md",section:"Traffic Management",url:"https://istio.io/latest/news/releases/1.28.x/announcing-1.28/change-notes/#traffic-management",refs:["https://github.com/istio/istio/issues/54540"]}]},{id:"istio-1.30-traffic-extension",change:"added",severity:"error",since:"1.30",message:"TrafficExtension (extensions.istio.io/v1alpha1) only exists from Istio 1.30; use WasmPlugin on older releases.",match:[{type:"resource",apiVersions:["extensions.istio.io/v1alpha1"],kinds:["TrafficExtension"]}],sources:[{path:"releases/1.30/change-notes/index.md",section:"Traffic Management",url:"https://istio.io/latest/news/releases/1.30.x/announcing-1.30/change-notes/#traffic-management"},{path:"releases/1.30/_index.md",section:"Traffic management additions",url:"https://istio.io/latest/news/releases/1.30.x/announcing-1.30/#traffic-management-additions"}]},{id:"istio-1.30.2-authz-trust-domains",change:"added",severity:"error",since:"1.30.2",message:"AuthorizationPolicy source {name} is only enforced from Istio 1.30.2; earlier releases accept and silently ignore it, which can widen who the policy matches.",match:[{type:"field",apiVersions:["security.istio.io/v1beta1","security.istio.io/v1"],kinds:["AuthorizationPolicy"],paths:["spec.rules[].from[].source.trustDomains","spec.rules[].from[].source.notTrustDomains"]}],sources:[{path:"releases/1.30/announcing-1.30.2/index.md",section:"Changes",url:"https://istio.io/latest/news/releases/1.30.x/announcing-1.30.2/"},{path:"releases/1.31/change-notes/index.md",section:"Security",url:"https://istio.io/latest/news/releases/1.31.x/announcing-1.31/change-notes/#security"}]},{id:"istio-1.30-disable-context-propagation",change:"added",severity:"error",since:"1.30",message:"Telemetry tracing disableContextPropagation only exists from Istio 1.30; older CRDs reject it.",match:[{type:"field",apiVersions:["telemetry.istio.io/v1alpha1","telemetry.istio.io/v1"],kinds:["Telemetry"],paths:["spec.tracing[].disableContextPropagation"]}],sources:[{path:"releases/1.30/change-notes/index.md",section:"Telemetry",url:"https://istio.io/latest/news/releases/1.30.x/announcing-1.30/change-notes/#telemetry",refs:["https://github.com/istio/istio/issues/58871"]}]},{id:"istio-1.30-otel-service-attribute-enrichment",change:"added",severity:"warning",since:"1.30",message:"The OpenTelemetry provider setting serviceAttributeEnrichment only exists from Istio 1.30.",match:[{type:"meshConfig",paths:["extensionProviders[].opentelemetry.serviceAttributeEnrichment"]}],sources:[{path:"releases/1.30/change-notes/index.md",section:"Telemetry",url:"https://istio.io/latest/news/releases/1.30.x/announcing-1.30/change-notes/#telemetry",refs:["https://github.com/istio/istio/issues/55026"]}]},{id:"istio-1.30-new-annotations",change:"added",severity:"warning",since:"1.30",message:"The {name} annotation is only read from Istio 1.30; older releases ignore it.",match:[{type:"annotation",key:"ambient.istio.io/xfcc-include-client-identity",on:["Gateway.gateway.networking.k8s.io","GatewayClass.gateway.networking.k8s.io"]},{type:"annotation",key:"istio.io/connect-strategy",on:["ServiceEntry"]},{type:"annotation",key:"networking.istio.io/traffic-distribution",on:["Namespace"]}],sources:[{path:"releases/1.30/change-notes/index.md",section:"Traffic Management",url:"https://istio.io/latest/news/releases/1.30.x/announcing-1.30/change-notes/#traffic-management",refs:["https://github.com/istio/istio/issues/54995","https://github.com/istio/istio/issues/58701"]},{path:"releases/1.30/_index.md",section:"Ambient mode enhancements",url:"https://istio.io/latest/news/releases/1.30.x/announcing-1.30/#ambient-mode-enhancements"}]},{id:"istio-1.30-exclude-interfaces-validation",change:"removed",severity:"error",since:"1.30",message:"From Istio 1.30 traffic.sidecar.istio.io/excludeInterfaces only accepts valid Linux interface names (at most 15 characters, no spaces or slashes), so other values are rejected at injection.",match:[{type:"annotation",key:"traffic.sidecar.istio.io/excludeInterfaces",on:["pod"],pattern:"(^|,)\\s*([^,\\s][^,]{15,}|[^,\\s][^,]*[/:\\s][^,\\s]+[^,]*)\\s*(,|$)"}],sources:[{path:"releases/1.30/change-notes/index.md",section:"Traffic Management",url:"https://istio.io/latest/news/releases/1.30.x/announcing-1.30/change-notes/#traffic-management",refs:["https://github.com/istio/istio/issues/58781"]}]},{id:"istio-1.30-authz-regex-escaping",change:"behaviour-changed",severity:"warning",since:"1.30",message:"From Istio 1.30 regex metacharacters in AuthorizationPolicy principals, namespaces and service accounts are matched literally (a security fix), so values that relied on regex behaviour stop matching.",match:[{type:"field",apiVersions:["security.istio.io/v1beta1","security.istio.io/v1"],kinds:["AuthorizationPolicy"],paths:["spec.rules[].from[].source.principals[]","spec.rules[].from[].source.namespaces[]","spec.rules[].from[].source.notPrincipals[]","spec.rules[].from[].source.notNamespaces[]"],pattern:"[\\[\\]()|+?^$\\\\{}]"}],sources:[{path:"releases/1.30/change-notes/index.md",section:"Security",url:"https://istio.io/latest/news/releases/1.30.x/announcing-1.30/change-notes/#security",refs:["https://github.com/istio/istio/issues/59992"]}]},{id:"istio-1.30-retry-budget-fixes",change:"behaviour-changed",severity:"warning",since:"1.30",message:"Istio 1.30 fixed retryBudget: the default percent is now 20% (it was 0.2%) and a budget is no longer dropped when subsets have their own traffic policy, so retries may grow.",match:[{type:"field",apiVersions:["networking.istio.io/v1alpha3","networking.istio.io/v1beta1","networking.istio.io/v1"],kinds:["DestinationRule"],paths:["spec.trafficPolicy.retryBudget","spec.subsets[].trafficPolicy.retryBudget"]}],sources:[{path:"releases/1.30/change-notes/index.md",section:"Traffic Management",url:"https://istio.io/latest/news/releases/1.30.x/announcing-1.30/change-notes/#traffic-management",refs:["https://github.com/istio/istio/issues/59504","https://github.com/istio/istio/issues/59667"]}]},{id:"istio-1.30-tls-listeners-without-alpha-flag",change:"behaviour-changed",severity:"notice",since:"1.30",message:"From Istio 1.30 Gateway listeners with protocol TLS work without PILOT_ENABLE_ALPHA_GATEWAY_API.",match:[{type:"field",apiVersions:["gateway.networking.k8s.io/v1","gateway.networking.k8s.io/v1beta1"],kinds:["Gateway"],paths:["spec.listeners[].protocol"],values:["TLS"]}],sources:[{path:"releases/1.30/change-notes/index.md",section:"Traffic Management",url:"https://istio.io/latest/news/releases/1.30.x/announcing-1.30/change-notes/#traffic-management"}]},{id:"istio-1.30-agentgateway",change:"added",severity:"error",since:"1.30",message:"The istio-agentgateway GatewayClass (with PILOT_ENABLE_AGENTGATEWAY=true) only exists from Istio 1.30.",match:[{type:"field",apiVersions:["gateway.networking.k8s.io/v1","gateway.networking.k8s.io/v1beta1"],kinds:["Gateway"],paths:["spec.gatewayClassName"],values:["istio-agentgateway"]}],sources:[{path:"releases/1.30/change-notes/index.md",section:"Traffic Management",url:"https://istio.io/latest/news/releases/1.30.x/announcing-1.30/change-notes/#traffic-management",refs:["https://github.com/istio/istio/issues/59209"]},{path:"releases/1.30/_index.md",section:"Agentgateway: experimental new gateway implementation",url:"https://istio.io/latest/news/releases/1.30.x/announcing-1.30/#agentgateway-experimental-new-gateway-implementation"}]},{id:"istio-1.30-new-env",change:"added",severity:"notice",since:"1.30",message:"{name} is only read from Istio 1.30; older releases ignore it.",match:[{type:"env",name:"PILOT_GATEWAY_TRANSPORT_SOCKET_CONNECT_TIMEOUT",component:"istiod"},{type:"env",name:"PILOT_MULTICLUSTER_KUBECONFIG_PATH",component:"istiod"},{type:"env",name:"PILOT_HBONE_INITIAL_STREAM_WINDOW_SIZE",component:"istiod"},{type:"env",name:"PILOT_HBONE_INITIAL_CONNECTION_WINDOW_SIZE",component:"istiod"},{type:"env",name:"PILOT_ENABLE_AGENTGATEWAY",component:"istiod"},{type:"env",name:"DEBUG_ENDPOINT_AUTH_ALLOWED_NAMESPACES",component:"istiod"},{type:"env",name:"DNS_FORWARD_TIMEOUT",component:"proxy"},{type:"env",name:"ISTIO_WASM_MAX_BINARY_SIZE_BYTES",component:"any"}],sources:[{path:"releases/1.30/change-notes/index.md",section:"Traffic Management",url:"https://istio.io/latest/news/releases/1.30.x/announcing-1.30/change-notes/#traffic-management"},{path:"releases/1.30/change-notes/index.md",section:"Security",url:"https://istio.io/latest/news/releases/1.30.x/announcing-1.30/change-notes/#security"},{path:"releases/1.30/change-notes/index.md",section:"Extensibility",url:"https://istio.io/latest/news/releases/1.30.x/announcing-1.30/change-notes/#extensibility"}]},{id:"istio-1.30.1-ignore-policy-attachment",change:"added",severity:"warning",since:"1.30.1",message:"The istio.io/ignore-policy-attachment annotation is only read from Istio 1.30.1; older releases still translate this policy.",match:[{type:"annotation",key:"istio.io/ignore-policy-attachment",on:["BackendTLSPolicy","XBackendTrafficPolicy"]}],sources:[{path:"releases/1.30/announcing-1.30.1/index.md",section:"Changes",url:"https://istio.io/latest/news/releases/1.30.x/announcing-1.30.1/"}]},{id:"istio-1.30.2-agent-merge-envoy-stats",change:"added",severity:"notice",since:"1.30.2",message:"PILOT_AGENT_MERGE_ENVOY_STATS is only read from Istio 1.30.2.",match:[{type:"env",name:"PILOT_AGENT_MERGE_ENVOY_STATS",component:"proxy"}],sources:[{path:"releases/1.30/announcing-1.30.2/index.md",section:"Changes",url:"https://istio.io/latest/news/releases/1.30.x/announcing-1.30.2/"}]},{id:"istio-1.30.3-new-env",change:"added",severity:"notice",since:"1.30.3",message:"{name} is only read from Istio 1.30.3; older releases ignore it.",match:[{type:"env",name:"PILOT_NODE_UNTAINT_CONTROLLERS_TAINT_NAME",component:"istiod"},{type:"env",name:"AMBIENT_SCOPED_ADDRESS_PUSHES",component:"istiod"}],sources:[{path:"releases/1.30/announcing-1.30.3/index.md",section:"Changes",url:"https://istio.io/latest/news/releases/1.30.x/announcing-1.30.3/"}]},{id:"istio-1.30.3-workloadentry-hbone-label",change:"behaviour-changed",severity:"warning",since:"1.30.3",message:"From Istio 1.30.3 auto-registered WorkloadEntries get the HBONE tunnel label only when created, so workloads registered before the upgrade stay on plaintext until they re-register or get networking.istio.io/tunnel: http.",match:[{type:"resource",apiVersions:["networking.istio.io/v1alpha3","networking.istio.io/v1beta1","networking.istio.io/v1"],kinds:["WorkloadGroup"]}],sources:[{path:"releases/1.30/announcing-1.30.3/index.md",section:"Changes",url:"https://istio.io/latest/news/releases/1.30.x/announcing-1.30.3/"},{path:"releases/1.31/upgrade-notes/index.md",section:"Existing auto-registered `WorkloadEntry` resources need re-registration or a manual label for HBONE",url:"https://istio.io/latest/news/releases/1.31.x/announcing-1.31/upgrade-notes/#existing-auto-registered-workloadentry-resources-need-re-registration-or-a-manual-label-for-hbone"}]},{id:"istio-1.30.4-xds-api-generator-auth",change:"default-changed",severity:"warning",since:"1.30.4",message:"From Istio 1.30.4 the XDS api generator (MCP config serving) requires a control-plane identity, so custom MCP clients outside the system namespace are rejected; ENABLE_XDS_API_GENERATOR_AUTH=false restores access.",match:[{type:"env",name:"ENABLE_XDS_API_GENERATOR_AUTH",component:"istiod"}],sources:[{path:"releases/1.30/announcing-1.30.4/index.md",section:"Changes",url:"https://istio.io/latest/news/releases/1.30.x/announcing-1.30.4/"},{path:"releases/1.31/upgrade-notes/index.md",section:"The XDS `api` generator now requires a control-plane identity",url:"https://istio.io/latest/news/releases/1.31.x/announcing-1.31/upgrade-notes/#the-xds-api-generator-now-requires-a-control-plane-identity"}]},{id:"istio-1.30.4-backend-tls-policy-fails-closed",change:"behaviour-changed",severity:"warning",since:"1.30.4",backports:["1.31.1"],message:"From Istio 1.30.4 (and 1.31.1) a BackendTLSPolicy whose caCertificateRefs cannot be resolved fails closed on sidecars instead of sending plaintext, so check that the referenced ConfigMaps exist.",match:[{type:"field",apiVersions:["gateway.networking.k8s.io/v1"],kinds:["BackendTLSPolicy"],paths:["spec.validation.caCertificateRefs"]}],sources:[{path:"releases/1.30/announcing-1.30.4/index.md",section:"Changes",url:"https://istio.io/latest/news/releases/1.30.x/announcing-1.30.4/"},{path:"releases/1.31/announcing-1.31.1/index.md",section:"Changes",url:"https://istio.io/latest/news/releases/1.31.x/announcing-1.31.1/"}]},{id:"istio-1.30.4-envoyfilter-proxy-version-limit",change:"removed",severity:"error",since:"1.30.4",message:"From Istio 1.30.4 an EnvoyFilter proxyVersion match longer than 1024 characters is rejected.",match:[{type:"field",apiVersions:["networking.istio.io/v1alpha3"],kinds:["EnvoyFilter"],paths:["spec.configPatches[].match.proxy.proxyVersion"],pattern:"^[\\s\\S]{1025,}$"}],sources:[{path:"releases/1.30/announcing-1.30.4/index.md",section:"Changes",url:"https://istio.io/latest/news/releases/1.30.x/announcing-1.30.4/"}]},{id:"istio-1.30.5-serviceentry-empty-workload-selector",change:"behaviour-changed",severity:"warning",since:"1.30.5",backports:["1.31.1"],message:"From Istio 1.30.5 (and 1.31.1) a ServiceEntry with an empty workloadSelector no longer selects every workload in its namespace; add labels or remove the selector.",match:[{type:"field",apiVersions:["networking.istio.io/v1alpha3","networking.istio.io/v1beta1","networking.istio.io/v1"],kinds:["ServiceEntry"],paths:["spec.workloadSelector"],where:[{path:"spec.workloadSelector.labels.*",absent:true}]}],sources:[{path:"releases/1.30/announcing-1.30.5/index.md",section:"Changes",url:"https://istio.io/latest/news/releases/1.30.x/announcing-1.30.5/"},{path:"releases/1.31/announcing-1.31.1/index.md",section:"Changes",url:"https://istio.io/latest/news/releases/1.31.x/announcing-1.31.1/"}]},{id:"istio-1.30.5-stats-flush-interval-fixed",change:"added",severity:"error",since:"1.30.5",backports:["1.31.1"],message:"sidecar.istio.io/statsFlushInterval values of a minute or more, or below a second, produce an invalid proxy bootstrap before Istio 1.30.5 (and 1.31.1), so the proxy does not start.",match:[{type:"annotation",key:"sidecar.istio.io/statsFlushInterval",on:["pod"],pattern:"^\\s*(\\d+(\\.\\d+)?(m|h)|0?\\.\\d+s|\\d+(ms|us|µs|ns)|([6-9]\\d|\\d{3,})s)\\s*$"}],sources:[{path:"releases/1.30/announcing-1.30.5/index.md",section:"Changes",url:"https://istio.io/latest/news/releases/1.30.x/announcing-1.30.5/"},{path:"releases/1.31/announcing-1.31.1/index.md",section:"Changes",url:"https://istio.io/latest/news/releases/1.31.x/announcing-1.31.1/"}]},{id:"istio-1.30.5-stats-eviction-interval-sub-second",change:"added",severity:"warning",since:"1.30.5",backports:["1.31.1"],message:"sidecar.istio.io/statsEvictionInterval loses its sub-second part before Istio 1.30.5 (and 1.31.1), so {value} is rounded down to whole seconds.",match:[{type:"annotation",key:"sidecar.istio.io/statsEvictionInterval",on:["pod"],pattern:"^\\s*(\\d*\\.\\d+s|\\d+(ms|us|µs|ns))\\s*$"}],sources:[{path:"releases/1.30/announcing-1.30.5/index.md",section:"Changes",url:"https://istio.io/latest/news/releases/1.30.x/announcing-1.30.5/",refs:["https://github.com/istio/istio/issues/51565"]}]},{id:"istio-1.30-httproute-without-backends-404",change:"behaviour-changed",severity:"notice",since:"1.30",until:"1.31",message:"Istio 1.30 answers HTTPRoute rules without backendRefs with 404 instead of 500 (Istio 1.31 goes back to 500).",match:[{type:"field",apiVersions:["gateway.networking.k8s.io/v1","gateway.networking.k8s.io/v1beta1"],kinds:["HTTPRoute"],paths:["spec.rules[]"],where:[{path:"@.backendRefs",absent:true},{path:"@.filters",absent:true}]}],sources:[{path:"releases/1.30/change-notes/index.md",section:"Traffic Management",url:"https://istio.io/latest/news/releases/1.30.x/announcing-1.30/change-notes/#traffic-management",refs:["https://github.com/istio/istio/issues/59356"]}]}];var c130 = {release:release$1,kubernetes:kubernetes$1,compatibilityVersions:compatibilityVersions$1,sources:sources$2,entries:entries$1};

const release="1.31";const kubernetes={min:"1.32",max:"1.36"};const compatibilityVersions=["1.25","1.26","1.27","1.28","1.29","1.30"];const sources$1=[{path:"releases/1.31/_index.md",url:"https://istio.io/latest/news/releases/1.31.x/announcing-1.31/"}];const entries=[{id:"istio-1.31-gcp-hosting-deprecated",change:"deprecated",severity:"warning",since:"1.31",message:"From Istio 1.31 nothing is published to gcr.io/istio-release, registry.istio.io or istio-release.storage.googleapis.com, and those locations go away after scream tests; use docker.io/istio images and charts from blob.istio.io or ghcr.io/istio/release/charts.",match:[{type:"field",kinds:["$workload"],paths:["$podSpec.containers[].image","$podSpec.initContainers[].image"],pattern:"^(gcr\\.io/istio-release|registry\\.istio\\.io)/",fix:{type:"replaceText",from:"gcr.io/istio-release/",to:"docker.io/istio/"}},{type:"helmValue",chart:"istiod",paths:["global.hub","hub"],pattern:"^(gcr\\.io/istio-release|registry\\.istio\\.io)",fix:{type:"replaceText",from:"gcr.io/istio-release",to:"docker.io/istio"}},{type:"helmValue",chart:"cni",paths:["global.hub","hub"],pattern:"^(gcr\\.io/istio-release|registry\\.istio\\.io)",fix:{type:"replaceText",from:"gcr.io/istio-release",to:"docker.io/istio"},iopPaths:[]},{type:"helmValue",chart:"ztunnel",paths:["global.hub","hub"],pattern:"^(gcr\\.io/istio-release|registry\\.istio\\.io)",fix:{type:"replaceText",from:"gcr.io/istio-release",to:"docker.io/istio"},iopPaths:[]},{type:"field",kinds:["HelmRepository"],paths:["spec.url"],pattern:"istio-release\\.storage\\.googleapis\\.com",fix:{type:"replaceText",from:"istio-release.storage.googleapis.com/charts",to:"blob.istio.io/istio-release/charts"}},{type:"field",kinds:["Application"],paths:["spec.source.repoURL","spec.sources[].repoURL"],pattern:"istio-release\\.storage\\.googleapis\\.com",fix:{type:"replaceText",from:"istio-release.storage.googleapis.com/charts",to:"blob.istio.io/istio-release/charts"}},{type:"text",kinds:["Kustomization"],contains:"istio-release.storage.googleapis.com"}],sources:[{path:"releases/1.31/upgrade-notes/index.md",section:"Deprecation of GCP infrastructure and hosting",url:"https://istio.io/latest/news/releases/1.31.x/announcing-1.31/upgrade-notes/#deprecation-of-gcp-infrastructure-and-hosting"}]},{id:"istio-1.31-send-unhealthy-endpoints",change:"default-changed",severity:"notice",since:"1.31",message:"From Istio 1.31 istiod also sends not-ready endpoints to Envoy for services without outlierDetection.minHealthPercent (with the panic threshold at 0, so Envoy does not balance to them), which shows up in endpoint counts and stats; PILOT_AUTO_SEND_UNHEALTHY_ENDPOINTS=false or a compatibility profile keeps the old behaviour.",match:[{type:"field",apiVersions:["networking.istio.io/v1alpha3","networking.istio.io/v1beta1","networking.istio.io/v1"],kinds:["DestinationRule"],paths:["$trafficPolicy.outlierDetection"],where:[{path:"$trafficPolicy.outlierDetection.minHealthPercent",absent:true}]},{type:"env",name:"PILOT_AUTO_SEND_UNHEALTHY_ENDPOINTS",component:"istiod",severity:"notice",message:"PILOT_AUTO_SEND_UNHEALTHY_ENDPOINTS is set explicitly; Istio 1.31 sends unhealthy endpoints by default."}],sources:[{path:"releases/1.31/upgrade-notes/index.md",section:"Default behavior for sending unhealthy endpoints",url:"https://istio.io/latest/news/releases/1.31.x/announcing-1.31/upgrade-notes/#default-behavior-for-sending-unhealthy-endpoints"},{path:"releases/1.31/change-notes/index.md",section:"Traffic Management",url:"https://istio.io/latest/news/releases/1.31.x/announcing-1.31/change-notes/#traffic-management"}]},{id:"istio-1.31-strict-gateway-merging",change:"default-changed",severity:"warning",since:"1.31",message:"From Istio 1.31 an Istio Gateway that selects a managed Gateway API gateway deployment is no longer merged into it from another namespace; move the config to the Gateway API resource or its namespace, or set PILOT_ENABLE_STRICT_GATEWAY_MERGING=false.",match:[{type:"field",apiVersions:["networking.istio.io/v1alpha3","networking.istio.io/v1beta1","networking.istio.io/v1"],kinds:["Gateway"],paths:["spec.selector[\"gateway.networking.k8s.io/gateway-name\"]"]},{type:"env",name:"PILOT_ENABLE_STRICT_GATEWAY_MERGING",component:"istiod",severity:"notice",message:"PILOT_ENABLE_STRICT_GATEWAY_MERGING is set explicitly; Istio 1.31 turns strict gateway merging on by default."}],sources:[{path:"releases/1.31/change-notes/index.md",section:"Security",url:"https://istio.io/latest/news/releases/1.31.x/announcing-1.31/change-notes/#security"},{path:"releases/1.31/_index.md",section:"Security",url:"https://istio.io/latest/news/releases/1.31.x/announcing-1.31/#security"}]},{id:"istio-1.31-spawn-upstream-span-flag-removed",change:"removed",severity:"warning",since:"1.31",message:"PILOT_SPAWN_UPSTREAM_SPAN_FOR_GATEWAY was removed in Istio 1.31; gateways always create upstream spans and setting it to false no longer opts out.",match:[{type:"env",name:"PILOT_SPAWN_UPSTREAM_SPAN_FOR_GATEWAY",component:"istiod"}],sources:[{path:"releases/1.31/upgrade-notes/index.md",section:"`PILOT_SPAWN_UPSTREAM_SPAN_FOR_GATEWAY` feature flag removed",url:"https://istio.io/latest/news/releases/1.31.x/announcing-1.31/upgrade-notes/#pilot_spawn_upstream_span_for_gateway-feature-flag-removed"},{path:"releases/1.31/change-notes/index.md",section:"Telemetry",url:"https://istio.io/latest/news/releases/1.31.x/announcing-1.31/change-notes/#telemetry"}]},{id:"istio-1.31-wds-reconnect-message-size",change:"behaviour-changed",severity:"notice",since:"1.31",message:"From Istio 1.31 ztunnel reconnects report every workload version, which can exceed istiod's 4 MiB gRPC limit in meshes of about 40,000 workloads; raise ISTIO_GPRC_MAXRECVMSGSIZE (spelled GPRC) on istiod if yours is near that.",match:[{type:"helmChart",names:["ztunnel"]},{type:"env",name:"ISTIO_GPRC_MAXRECVMSGSIZE",component:"istiod"}],sources:[{path:"releases/1.31/upgrade-notes/index.md",section:"WDS reconnect requests are larger in big ambient meshes",url:"https://istio.io/latest/news/releases/1.31.x/announcing-1.31/upgrade-notes/#wds-reconnect-requests-are-larger-in-big-ambient-meshes"}]},{id:"istio-1.31-httproute-without-backends-500",change:"behaviour-changed",severity:"notice",since:"1.31",reverts:"1.30",message:"Istio 1.31 answers HTTPRoute rules without backendRefs with 500 again (1.30 returned 404).",match:[{type:"field",apiVersions:["gateway.networking.k8s.io/v1","gateway.networking.k8s.io/v1beta1"],kinds:["HTTPRoute"],paths:["spec.rules[]"],where:[{path:"@.backendRefs",absent:true},{path:"@.filters",absent:true}]}],sources:[{path:"releases/1.31/change-notes/index.md",section:"Traffic Management",url:"https://istio.io/latest/news/releases/1.31.x/announcing-1.31/change-notes/#traffic-management"}]},{id:"istio-1.31-crd-fields",change:"added",severity:"error",since:"1.31",message:"{name} only exists from Istio 1.31; older CRDs reject it.",match:[{type:"field",apiVersions:["networking.istio.io/v1alpha3","networking.istio.io/v1beta1","networking.istio.io/v1"],kinds:["VirtualService"],paths:["spec.http[].redirect.prefixRewrite"]},{type:"field",apiVersions:["networking.istio.io/v1alpha3","networking.istio.io/v1beta1","networking.istio.io/v1"],kinds:["DestinationRule"],paths:["$trafficPolicy.connectionPool.http.http2KeepAlive","$trafficPolicy.loadBalancer.zoneAwareLbSetting","spec.trafficPolicy.retryBudget.budgetInterval","spec.subsets[].trafficPolicy.retryBudget.budgetInterval"]},{type:"field",apiVersions:["networking.istio.io/v1alpha3"],kinds:["EnvoyFilter"],paths:["spec.configPatches[].patch.operation"],values:["MERGE_AND_REPLACE_LIST"]}],sources:[{path:"releases/1.31/change-notes/index.md",section:"Traffic Management",url:"https://istio.io/latest/news/releases/1.31.x/announcing-1.31/change-notes/#traffic-management",refs:["https://github.com/istio/istio/issues/47500","https://github.com/istio/istio/issues/55640"]},{path:"releases/1.31/_index.md",section:"Traffic management additions",url:"https://istio.io/latest/news/releases/1.31.x/announcing-1.31/#traffic-management-additions"}]},{id:"istio-1.31-sidecar-egress-exclusions",change:"added",severity:"error",since:"1.31",message:"Sidecar egress hosts with a ~ prefix (exclusions) are only understood from Istio 1.31; older releases reject or misread them.",match:[{type:"field",apiVersions:["networking.istio.io/v1alpha3","networking.istio.io/v1beta1","networking.istio.io/v1"],kinds:["Sidecar"],paths:["spec.egress[].hosts[]"],pattern:"^~"}],sources:[{path:"releases/1.31/change-notes/index.md",section:"Traffic Management",url:"https://istio.io/latest/news/releases/1.31.x/announcing-1.31/change-notes/#traffic-management",refs:["https://github.com/istio/istio/issues/60139"]}]},{id:"istio-1.31-meshconfig-fields",change:"added",severity:"warning",since:"1.31",message:"meshConfig {name} only exists from Istio 1.31; older istiod ignores or rejects it.",match:[{type:"meshConfig",paths:["defaultTrafficPolicy","serviceEntryVisibility","zoneAwareLbSetting","outboundTrafficPolicy.tls"]},{type:"meshConfig",paths:["outboundTrafficPolicy.mode"],values:["ALLOW_ANY_DYNAMIC_DNS"],message:"Outbound traffic policy ALLOW_ANY_DYNAMIC_DNS is only implemented from Istio 1.31."}],sources:[{path:"releases/1.31/change-notes/index.md",section:"Traffic Management",url:"https://istio.io/latest/news/releases/1.31.x/announcing-1.31/change-notes/#traffic-management",refs:["https://github.com/istio/istio/issues/60870"]},{path:"releases/1.31/_index.md",section:"Traffic management additions",url:"https://istio.io/latest/news/releases/1.31.x/announcing-1.31/#traffic-management-additions"}]},{id:"istio-1.31-proxy-connection-settings",change:"added",severity:"warning",since:"1.31",message:"ProxyConfig connectionSettings only exists from Istio 1.31.",match:[{type:"proxyConfig",paths:["connectionSettings"]}],sources:[{path:"releases/1.31/change-notes/index.md",section:"Traffic Management",url:"https://istio.io/latest/news/releases/1.31.x/announcing-1.31/change-notes/#traffic-management"}]},{id:"istio-1.31-waypoint-canary",change:"added",severity:"warning",since:"1.31",message:"Weighted waypoint canaries ({name}) are only supported from Istio 1.31.",match:[{type:"label",key:"istio.io/use-waypoint-canary",on:["Service","ServiceEntry","Namespace"]},{type:"label",key:"istio.io/use-waypoint-canary-namespace",on:["Service","ServiceEntry","Namespace"]},{type:"annotation",key:"istio.io/use-waypoint-canary-weight",on:["Service","ServiceEntry","Namespace"]}],sources:[{path:"releases/1.31/change-notes/index.md",section:"Traffic Management",url:"https://istio.io/latest/news/releases/1.31.x/announcing-1.31/change-notes/#traffic-management",refs:["https://github.com/istio/istio/issues/60801"]}]},{id:"istio-1.31-prometheus-scrape-targets",change:"added",severity:"warning",since:"1.31",message:"The prometheus.istio.io/scrape-targets annotation is only read from Istio 1.31.",match:[{type:"annotation",key:"prometheus.istio.io/scrape-targets",on:["pod"]}],sources:[{path:"releases/1.31/change-notes/index.md",section:"Telemetry",url:"https://istio.io/latest/news/releases/1.31.x/announcing-1.31/change-notes/#telemetry",refs:["https://github.com/istio/istio/issues/59567"]}]},{id:"istio-1.31-agentgateway-waypoint",change:"added",severity:"error",since:"1.31",message:"The istio-agentgateway-waypoint GatewayClass only exists from Istio 1.31.",match:[{type:"field",apiVersions:["gateway.networking.k8s.io/v1","gateway.networking.k8s.io/v1beta1"],kinds:["Gateway"],paths:["spec.gatewayClassName"],values:["istio-agentgateway-waypoint"]}],sources:[{path:"releases/1.31/change-notes/index.md",section:"Traffic Management",url:"https://istio.io/latest/news/releases/1.31.x/announcing-1.31/change-notes/#traffic-management"},{path:"releases/1.31/_index.md",section:"Agentgateway as a waypoint",url:"https://istio.io/latest/news/releases/1.31.x/announcing-1.31/#agentgateway-as-a-waypoint"}]},{id:"istio-1.31-compliance-policy-fips-140-3",change:"added",severity:"warning",since:"1.31",message:"COMPLIANCE_POLICY fips-140-3 is only understood from Istio 1.31.",match:[{type:"env",name:"COMPLIANCE_POLICY",component:"any",values:["fips-140-3"]}],sources:[{path:"releases/1.31/change-notes/index.md",section:"Security",url:"https://istio.io/latest/news/releases/1.31.x/announcing-1.31/change-notes/#security"},{path:"releases/1.31/_index.md",section:"Security",url:"https://istio.io/latest/news/releases/1.31.x/announcing-1.31/#security"}]},{id:"istio-1.31-new-env",change:"added",severity:"notice",since:"1.31",message:"{name} is only read from Istio 1.31; older releases ignore it.",match:[{type:"env",name:"ENVOY_SECURE_METRICS_PORT",component:"proxy"},{type:"env",name:"ENVOY_SECURE_MERGED_METRICS_PORT",component:"proxy"},{type:"env",name:"ISTIO_META_ENABLE_SELF_DISCOVERY",component:"proxy"},{type:"env",name:"PILOT_ENABLE_REMOTE_CREDENTIALS_CONTROLLER",component:"istiod"},{type:"env",name:"PILOT_ENABLE_STRICT_GATEWAY_MERGING",component:"istiod"},{type:"env",name:"PILOT_AUTO_SEND_UNHEALTHY_ENDPOINTS",component:"istiod"}],sources:[{path:"releases/1.31/change-notes/index.md",section:"Telemetry",url:"https://istio.io/latest/news/releases/1.31.x/announcing-1.31/change-notes/#telemetry",refs:["https://github.com/istio/istio/issues/50114"]},{path:"releases/1.31/change-notes/index.md",section:"Traffic Management",url:"https://istio.io/latest/news/releases/1.31.x/announcing-1.31/change-notes/#traffic-management"},{path:"releases/1.31/change-notes/index.md",section:"Security",url:"https://istio.io/latest/news/releases/1.31.x/announcing-1.31/change-notes/#security"}]},{id:"istio-1.31.1-jwks-link-local-blocked",change:"behaviour-changed",severity:"warning",since:"1.31.1",message:"From Istio 1.31.1 istiod refuses to fetch JWKS from link-local and cloud metadata addresses and rejects responses that are not a JWKS, so this jwksUri stops working; serve the keys elsewhere or inline them with jwks.",match:[{type:"field",apiVersions:["security.istio.io/v1beta1","security.istio.io/v1"],kinds:["RequestAuthentication"],paths:["spec.jwtRules[].jwksUri"],pattern:"://(169\\.254\\.|\\[?fe80:|\\[?fd00:ec2::254|metadata\\.google\\.internal)"}],sources:[{path:"releases/1.31/announcing-1.31.1/index.md",section:"Changes",url:"https://istio.io/latest/news/releases/1.31.x/announcing-1.31.1/"}]},{id:"istio-1.31-tcproute-v1alpha2",change:"removed",severity:"notice",since:"1.31",message:"Istio 1.31 reads TCPRoute at gateway.networking.k8s.io/v1 and needs the Gateway API 1.6 CRDs, whose standard channel no longer serves v1alpha2 (the experimental channel still does); moving to v1 works with both.",match:[{type:"resource",apiVersions:["gateway.networking.k8s.io/v1alpha2"],kinds:["TCPRoute"]}],fix:{type:"replaceValue",to:"gateway.networking.k8s.io/v1"},sources:[{path:"releases/1.31/change-notes/index.md",section:"Traffic Management",url:"https://istio.io/latest/news/releases/1.31.x/announcing-1.31/change-notes/#traffic-management"}]},{id:"istio-1.31-gateway-api-bundle-1.6",change:"removed",severity:"error",since:"1.31",message:"Istio 1.31 ignores the TCPRoute CRD unless it comes from Gateway API 1.6 or newer, so TCP routes silently stop working; install the Gateway API 1.6 CRDs first.",match:[{type:"field",apiVersions:["apiextensions.k8s.io/v1"],kinds:["CustomResourceDefinition"],paths:["metadata.annotations[\"gateway.networking.k8s.io/bundle-version\"]"],pattern:"^v?(0\\.|1\\.[0-5]\\.)",where:[{path:"metadata.name",values:["tcproutes.gateway.networking.k8s.io"]}]}],sources:[{path:"releases/1.31/change-notes/index.md",section:"Traffic Management",url:"https://istio.io/latest/news/releases/1.31.x/announcing-1.31/change-notes/#traffic-management"}]},{id:"istio-1.31-allow-insecure-fallback",change:"added",severity:"warning",since:"1.31",message:"Istio implements the Gateway API client-certificate validation mode AllowInsecureFallback only from 1.31; older releases do not apply it as configured.",match:[{type:"field",apiVersions:["gateway.networking.k8s.io/v1","gateway.networking.k8s.io/v1beta1"],kinds:["Gateway"],paths:["spec.tls.frontend.default.validation.mode","spec.tls.frontend.perPort[].tls.validation.mode"],values:["AllowInsecureFallback"]}],sources:[{path:"releases/1.31/change-notes/index.md",section:"Traffic Management",url:"https://istio.io/latest/news/releases/1.31.x/announcing-1.31/change-notes/#traffic-management"},{path:"releases/1.31/_index.md",section:"Gateway API: AllowInsecureFallback",url:"https://istio.io/latest/news/releases/1.31.x/announcing-1.31/#gateway-api-allowinsecurefallback"}]}];var c131 = {release:release,kubernetes:kubernetes,compatibilityVersions:compatibilityVersions,sources:sources$1,entries:entries};

/** Every release file, oldest first. Adding a release = one JSON file + one line here. */
const CATALOG = [c120, c121, c122, c123, c124, c125, c126, c127, c128, c129, c130, c131].map((file) => file);
function catalogEntries(releases = CATALOG) {
    return releases.flatMap((r) => r.entries);
}
/** The catalog file of a minor ('1.28'), if any. */
function catalogRelease(minor, releases = CATALOG) {
    return releases.find((r) => r.release === minor);
}
/** Splits a catalog path into segments, keeping `["a.b"]` keys whole. */
function splitCatalogPath(path) {
    const out = [];
    let current = '';
    let quoted = false;
    for (let i = 0; i < path.length; i++) {
        const ch = path[i];
        // `key["a.b"]` is two segments: key, then the quoted key.
        if (ch === '[' && path[i + 1] === '"' && !quoted && current !== '') {
            out.push(current);
            current = '';
        }
        if (ch === '"')
            quoted = !quoted;
        if (ch === '.' && !quoted) {
            out.push(current);
            current = '';
        }
        else
            current += ch;
    }
    out.push(current);
    return out;
}

// Catalog path patterns (`spec.http[].mirrors`, `$trafficPolicy.tls`) resolved against plain YAML values.
/** The four places a DestinationRule traffic policy lives. */
const TRAFFIC_POLICY_PREFIXES = [
    'spec.trafficPolicy',
    'spec.trafficPolicy.portLevelSettings[]',
    'spec.subsets[].trafficPolicy',
    'spec.subsets[].trafficPolicy.portLevelSettings[]'
];
const POD_TEMPLATE_BY_KIND = {
    Pod: '',
    CronJob: 'spec.jobTemplate.spec.template'
};
const DEFAULT_POD_TEMPLATE = 'spec.template';
/** Workload kinds whose pod template (or own spec, for Pod) is checked by `$podSpec` / `$podMetadata` paths. */
const WORKLOAD_KINDS = new Set([
    'Pod', 'Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'ReplicationController', 'Job', 'CronJob', 'Rollout'
]);
/** Where the pod template of a workload kind sits ('' = the object itself, for Pod). */
function podTemplatePath(kind) {
    return POD_TEMPLATE_BY_KIND[kind] ?? DEFAULT_POD_TEMPLATE;
}
/** Expands `$trafficPolicy` / `$podSpec` / `$podMetadata` for one kind; paths without macros come back unchanged. */
function expandMacros(path, kind) {
    if (path.startsWith('$trafficPolicy'))
        return TRAFFIC_POLICY_PREFIXES.map((p) => p + path.slice('$trafficPolicy'.length));
    const template = podTemplatePath(kind);
    const join = (base, rest) => [base, rest].filter((s) => s !== '').join('.');
    if (path.startsWith('$podSpec'))
        return [join(join(template, 'spec'), path.slice('$podSpec'.length).replace(/^\./, ''))];
    if (path.startsWith('$podMetadata'))
        return [join(join(template, 'metadata'), path.slice('$podMetadata'.length).replace(/^\./, ''))];
    return [path];
}
function compilePath(path) {
    if (path === '')
        return [];
    const steps = [];
    for (const segment of splitCatalogPath(path)) {
        const m = /^(\["[^"]+"\]|[^[]+)((?:\[\d*\])*)$/.exec(segment);
        if (!m)
            throw new Error(`bad catalog path segment "${segment}" in "${path}"`);
        const [, head, brackets] = m;
        if (head === '*')
            steps.push({ kind: 'anyKey' });
        else
            steps.push({ kind: 'key', key: head.startsWith('["') ? head.slice(2, -2) : head });
        for (const b of brackets.match(/\[\d*\]/g) ?? []) {
            steps.push(b === '[]' ? { kind: 'anyItem' } : { kind: 'item', index: Number(b.slice(1, -1)) });
        }
    }
    return steps;
}
const hasOwn = Object.prototype.hasOwnProperty;
/** Every concrete path the pattern reaches in `value` (present keys count even when their value is null). */
function resolvePath(value, pattern, prefix = []) {
    const out = [];
    // One path stack for the whole walk, copied only for a match: most patterns miss on their first steps.
    resolveInto(value, pattern, 0, prefix.slice(), out);
    return out;
}
function resolveInto(current, pattern, i, path, out) {
    if (i === pattern.length) {
        out.push({ path: path.slice(), value: current });
        return;
    }
    if (typeof current !== 'object' || current === null)
        return;
    const step = pattern[i];
    switch (step.kind) {
        case 'key': {
            if (Array.isArray(current) || !hasOwn.call(current, step.key))
                return;
            path.push(step.key);
            resolveInto(current[step.key], pattern, i + 1, path, out);
            path.pop();
            return;
        }
        case 'anyKey':
            if (Array.isArray(current))
                return;
            for (const key of Object.keys(current)) {
                path.push(key);
                resolveInto(current[key], pattern, i + 1, path, out);
                path.pop();
            }
            return;
        case 'anyItem':
            if (!Array.isArray(current))
                return;
            for (let index = 0; index < current.length; index++) {
                path.push(index);
                resolveInto(current[index], pattern, i + 1, path, out);
                path.pop();
            }
            return;
        case 'item':
            if (!Array.isArray(current) || step.index >= current.length)
                return;
            path.push(step.index);
            resolveInto(current[step.index], pattern, i + 1, path, out);
            path.pop();
            return;
    }
}
/** Values are compared as text so YAML `true` and `"true"` match alike. */
function scalarText(value) {
    if (typeof value === 'string')
        return value;
    if (typeof value === 'number' || typeof value === 'boolean')
        return String(value);
    return undefined;
}
/** True when the value passes the test; with no test every present value passes. */
function passes(value, test) {
    if (!test.values && !test.pattern)
        return true;
    const text = scalarText(value);
    if (text === undefined)
        return false;
    if (test.values && !test.values.has(text))
        return false;
    if (test.pattern && !test.pattern.test(text))
        return false;
    return true;
}

// Applies a compiled plan to one document: finds every catalog match with its exact position.
const PROXY_CONFIG_ANNOTATION = 'proxy.istio.io/config';
function isMap$1(v) {
    return typeof v === 'object' && v !== null && !Array.isArray(v);
}
function groupOf(apiVersion) {
    const slash = apiVersion.lastIndexOf('/');
    return slash === -1 ? '' : apiVersion.slice(0, slash);
}
/** Position of a concrete path: the key line for map entries, else the node's own line. */
function located(root, path) {
    const entry = entryAt(root, path);
    if (entry) {
        return {
            line: entry.keyNode.line,
            endLine: Math.max(entry.keyNode.endLine, entry.value?.endLine ?? entry.keyNode.line),
            keyNode: entry.keyNode,
            ...(entry.value ? { valueNode: entry.value } : {})
        };
    }
    const node = nodeAt(root, path);
    return node ? { line: node.line, endLine: node.endLine, valueNode: node } : undefined;
}
class HitCollector {
    doc;
    plan;
    lines;
    hits = [];
    seen = new Set();
    /** `lines`: the file's lines, for cheap text pre-checks; without them every walk runs. */
    constructor(doc, plan, lines) {
        this.doc = doc;
        this.plan = plan;
        this.lines = lines;
    }
    add(c, where, path, name) {
        const key = `${c.entry.id}|${c.rule}|${where.line}`;
        if (this.seen.has(key))
            return;
        this.seen.add(key);
        this.hits.push({
            entry: c.entry,
            rule: c.rule,
            severity: c.severity,
            message: c.message,
            ...(c.fix ? { fix: c.fix } : {}),
            line: where.line,
            ...(where.endLine !== undefined && where.endLine !== where.line ? { endLine: where.endLine } : {}),
            path: formatPath(path),
            name,
            ...(where.keyNode ? { keyNode: where.keyNode } : {}),
            ...(where.valueNode ? { valueNode: where.valueNode } : {}),
            ...(where.needle !== undefined ? { needle: where.needle } : {})
        });
    }
    /** Reports a concrete path of a tree, located in that tree's position tree. */
    addAt(c, tree, path, name) {
        const where = located(tree.root, path) ?? this.fallback(tree);
        if (where)
            this.add(c, where, [...tree.at, ...path], name);
    }
    /** When a position cannot be resolved (e.g. a node in a collapsed scalar), point at the tree itself. */
    fallback(tree) {
        if (tree.root)
            return { line: tree.root.line };
        const parent = located(this.doc.root, tree.at);
        return parent ? { line: parent.line } : undefined;
    }
}
/** The value at a path of map keys (each read as a string), or undefined. */
function valueAt(value, path) {
    let current = value;
    for (const step of path) {
        const key = String(step);
        if (!isMap$1(current) || !Object.prototype.hasOwnProperty.call(current, key))
            return undefined;
        current = current[key];
    }
    return current;
}
function conditionsHold(value, conditions, relative = false) {
    for (const c of conditions) {
        if (c.equalsGroup !== undefined || c.relative !== relative)
            continue;
        const found = c.patterns.some((p) => resolvePath(value, p).some((r) => passes(r.value, c)));
        if (found === c.absent)
            return false;
    }
    return true;
}
/** Conditions whose value test is a capture group of the match pattern on the matched value (`equalsGroup`). */
function groupConditionsHold(doc, matched, c, conditions) {
    for (const cond of conditions) {
        if (cond.equalsGroup === undefined)
            continue;
        const text = scalarText(matched);
        const group = text === undefined ? undefined : c.test.pattern?.exec(text)?.[cond.equalsGroup];
        const found = group !== undefined && cond.patterns.some((p) => resolvePath(doc, p).some((r) => scalarText(r.value) === group));
        if (found === cond.absent)
            return false;
    }
    return true;
}
/** Whether `value` has what the pattern's first step needs (a resolvePath that fails there finds nothing). */
function firstStepPresent(value, pattern) {
    if (pattern.length === 0)
        return true;
    const step = pattern[0];
    if (step.kind === 'key')
        return isMap$1(value) && Object.prototype.hasOwnProperty.call(value, step.key);
    return step.kind === 'anyKey' ? isMap$1(value) : Array.isArray(value);
}
/** Every match of a tree-path compiled matcher (MeshConfig, ProxyConfig, Helm) in one tree. */
function matchTree(out, c, tree, patterns, prefix = []) {
    const base = valueAt(tree.value, prefix);
    if (base === undefined)
        return;
    // Most matchers of a plan name settings a tree does not have: a look at the first step settles those.
    if (!patterns.some((p) => firstStepPresent(base, p)))
        return;
    if (!conditionsHold(tree.value, c.conditions))
        return;
    for (const pattern of patterns) {
        for (const r of resolvePath(base, pattern, prefix)) {
            if (passes(r.value, c.test) && conditionsHold(r.value, c.conditions, true))
                out.addAt(c, tree, r.path, formatPath(r.path.slice(prefix.length)));
        }
    }
}
/** Collects all hits of the plan in one document. */
function collectHits(doc, plan, lines) {
    const out = new HitCollector(doc, plan, lines);
    const helmTrees = helmTreesOf(doc);
    const meshTrees = meshTreesOf(doc, helmTrees);
    if (doc.kind === 'resource' && doc.resource && isMap$1(doc.value)) {
        const docTree = { value: doc.value, root: doc.root, at: [] };
        checkKind(out, doc, docTree);
        checkMetadata(out, doc, docTree);
        checkIstiodEnvInResources(out, doc, docTree);
        checkProxyConfigResource(out, doc, docTree);
        checkText(out, doc);
        checkCharts(out, doc);
    }
    else if (isChartYaml(doc)) {
        checkChartYaml(out, doc);
    }
    for (const tree of helmTrees)
        checkHelm(out, tree);
    for (const tree of meshTrees)
        checkMesh(out, tree);
    return out.hits;
}
function isChartYaml(doc) {
    return /(^|\/)Chart\.ya?ml$/.test(doc.file) && isMap$1(doc.value) && Array.isArray(doc.value.dependencies);
}
// ---- trees -------------------------------------------------------------------------------------------
function helmTreesOf(doc) {
    const trees = doc.embedded
        .filter((e) => e.role === 'helm-values' && isMap$1(e.value))
        .map((e) => ({ value: e.value, root: e.root, at: e.at, chart: e.chart ?? 'istiod' }));
    // A values document the parser recognised but did not embed: the document itself is the values.
    if (doc.kind === 'helm-values' && isMap$1(doc.value) && !trees.some((t) => t.at.length === 0)) {
        trees.push({ value: doc.value, root: doc.root, at: [], chart: 'istiod' });
    }
    const spec = isMap$1(doc.value) ? doc.value.spec : undefined;
    // IstioOperator spec.values, when the parser did not already embed it.
    if (doc.family === 'istio-operator' && isMap$1(spec) && isMap$1(spec.values) && !trees.some((t) => formatPath(t.at) === 'spec.values')) {
        trees.push({ value: spec.values, root: nodeAt(doc.root, ['spec', 'values']) ?? null, at: ['spec', 'values'], chart: 'istio-operator' });
    }
    return trees;
}
function meshTreesOf(doc, helmTrees) {
    const trees = doc.embedded.filter((e) => e.role === 'mesh-config' && isMap$1(e.value)).map((e) => ({ value: e.value, root: e.root, at: e.at }));
    const have = new Set(trees.map((t) => formatPath(t.at)));
    const add = (value, root, at) => {
        if (!isMap$1(value) || have.has(formatPath(at)))
            return;
        have.add(formatPath(at));
        trees.push({ value, root, at });
    };
    for (const h of helmTrees) {
        if (h.chart !== 'istiod' && h.chart !== 'istio-operator')
            continue;
        if (isMap$1(h.value))
            add(h.value.meshConfig, nodeAt(h.root, ['meshConfig']) ?? null, [...h.at, 'meshConfig']);
    }
    const spec = isMap$1(doc.value) ? doc.value.spec : undefined;
    if (doc.family === 'istio-operator' && isMap$1(spec))
        add(spec.meshConfig, nodeAt(doc.root, ['spec', 'meshConfig']) ?? null, ['spec', 'meshConfig']);
    return trees;
}
// ---- resources -----------------------------------------------------------------------------------------
function checkKind(out, doc, tree) {
    const { kind, apiVersion } = doc.resource;
    const compiled = out.plan.byKind.get(kind);
    if (!compiled)
        return;
    for (const c of compiled) {
        if (c.match.type === 'resource') {
            if (c.apiVersions.has(apiVersion))
                out.addAt(c, tree, ['apiVersion'], `${apiVersion} ${kind}`);
            continue;
        }
        const field = c;
        if (field.apiVersions && !field.apiVersions.has(apiVersion))
            continue;
        const conditions = field.conditions(kind);
        if (!conditionsHold(doc.value, conditions))
            continue;
        // duplicates: only a value some earlier match already had (the second subset named v1, ...).
        const seen = field.match.duplicates ? new Set() : undefined;
        for (const pattern of field.patterns(kind)) {
            for (const r of resolvePath(doc.value, pattern)) {
                if (seen) {
                    const text = scalarText(r.value);
                    if (text === undefined)
                        continue;
                    const repeated = seen.has(text);
                    seen.add(text);
                    if (!repeated)
                        continue;
                }
                if (passes(r.value, c.test) && conditionsHold(r.value, conditions, true) && groupConditionsHold(doc.value, r.value, c, conditions))
                    out.addAt(c, tree, r.path, formatPath(r.path));
            }
        }
    }
}
const holdersByType = new Map();
/** The metadata blocks of a resource and the names they answer to; the same for every resource of a type. */
function holdersOf(doc) {
    const { kind, apiVersion } = doc.resource;
    const group = groupOf(apiVersion);
    const type = `${group}/${kind}`;
    let holders = holdersByType.get(type);
    if (holders)
        return holders;
    const own = new Set(['*', kind, `${kind}.${group}`]);
    holders = [{ tags: own, path: ['metadata'] }];
    if (WORKLOAD_KINDS.has(kind)) {
        own.add('pod');
        const template = podTemplatePath(kind);
        if (template !== '')
            holders.push({ tags: new Set(['pod']), path: [...template.split('.'), 'metadata'] });
    }
    holdersByType.set(type, holders);
    return holders;
}
function checkMetadata(out, doc, tree) {
    const plan = out.plan;
    const wantAnnotations = plan.annotations.size > 0 || plan.proxyEnv.size > 0 || plan.proxyConfig.length > 0;
    for (const holder of holdersOf(doc)) {
        const metadata = valueAt(doc.value, holder.path);
        if (!isMap$1(metadata))
            continue;
        const annotations = metadata.annotations;
        if (wantAnnotations && isMap$1(annotations)) {
            for (const key in annotations) {
                const value = annotations[key];
                for (const c of plan.annotations.get(key) ?? [])
                    if (applies(c, holder.tags) && passes(value, c.test))
                        out.addAt(c, tree, [...holder.path, 'annotations', key], key);
                if (key === PROXY_CONFIG_ANNOTATION && holder.tags.has('pod'))
                    checkProxyConfigAnnotation(out, tree, [...holder.path, 'annotations', key], value);
            }
        }
        const labels = metadata.labels;
        if (plan.labels.size > 0 && isMap$1(labels)) {
            for (const key in labels) {
                for (const c of plan.labels.get(key) ?? [])
                    if (applies(c, holder.tags) && passes(labels[key], c.test))
                        out.addAt(c, tree, [...holder.path, 'labels', key], key);
            }
        }
    }
    if (plan.selectorLabelKeys.length > 0 && mayMention(out.lines, doc, plan.selectorLabelKeys))
        checkSelectorLabels(out, doc, tree);
}
/**
 * Whether the document's own lines contain one of `words` literally: a label key in a selector is written out
 * (a key spelt with escapes in a double-quoted scalar is the exception this accepts). Without lines: true.
 */
function mayMention(lines, doc, words) {
    if (!lines)
        return true;
    const last = Math.min(doc.endLine, lines.length);
    for (let i = doc.line - 1; i < last; i++) {
        const line = lines[i];
        for (const word of words)
            if (line.includes(word))
                return true;
    }
    return false;
}
function applies(c, tags) {
    for (const on of c.on)
        if (tags.has(on))
            return true;
    return false;
}
/** Label keys used in selectors: `selector`/`matchLabels`/`workloadSelector.labels` maps and `matchExpressions[].key`. */
function checkSelectorLabels(out, doc, tree) {
    const labels = out.plan.labels;
    // One path stack for the walk over every map and list of the document; copied only for a hit.
    const path = [];
    const report = (key, value) => {
        for (const c of labels.get(key) ?? [])
            if (c.on.has('selector') && passes(value, c.test))
                out.addAt(c, tree, [...path, key], key);
    };
    // In `matchExpressions: [{key: <label>}]` the label is the value of `key`: a rename replaces that value.
    const reportExpression = (key) => {
        const at = located(tree.root, [...path, 'key']);
        for (const c of labels.get(key) ?? []) {
            if (!c.on.has('selector') || !passes(undefined, c.test))
                continue;
            if (at)
                out.add(c, { line: at.line, ...(at.valueNode ? { keyNode: at.valueNode } : {}) }, [...tree.at, ...path, 'key'], key);
            else
                out.addAt(c, tree, [...path, 'key'], key);
        }
    };
    const visit = (value, parentKey) => {
        if (Array.isArray(value)) {
            for (let i = 0; i < value.length; i++) {
                const item = value[i];
                if (typeof item !== 'object' || item === null)
                    continue;
                path.push(i);
                visit(item, parentKey);
                path.pop();
            }
            return;
        }
        if (typeof value !== 'object' || value === null)
            return;
        const map = value;
        if (path[0] !== 'metadata' && isLabelMap(map, parentKey, path)) {
            for (const k in map)
                if (labels.has(k))
                    report(k, map[k]);
            return;
        }
        if (parentKey === 'matchExpressions' && typeof map.key === 'string' && labels.has(map.key))
            reportExpression(map.key);
        // for...in over plain objects (own keys only: values come from YAML, prototypes hold nothing enumerable)
        // allocates nothing, where Object.keys builds an array per map.
        for (const k in map) {
            const v = map[k];
            if (typeof v !== 'object' || v === null || (k === 'metadata' && path.length === 0))
                continue;
            path.push(k);
            visit(v, k);
            path.pop();
        }
    };
    visit(doc.value, undefined);
}
function isLabelMap(map, parentKey, path) {
    if (parentKey === 'matchLabels')
        return true;
    if (parentKey === 'labels')
        return path[path.length - 2] === 'workloadSelector';
    if (parentKey !== 'selector' || 'matchLabels' in map || 'matchExpressions' in map)
        return false;
    for (const k in map) {
        const v = map[k];
        if (typeof v === 'object' && v !== null)
            return false;
    }
    return true;
}
/** Parsed proxy.istio.io/config texts: workloads of one repository tend to share a few (read only, never changed). */
const proxyConfigs = new Map();
function proxyConfigOf(raw) {
    if (proxyConfigs.has(raw))
        return proxyConfigs.get(raw);
    let config;
    try {
        config = load(raw);
    }
    catch {
        config = undefined;
    }
    if (proxyConfigs.size >= 256)
        proxyConfigs.clear();
    proxyConfigs.set(raw, config);
    return config;
}
/** proxy.istio.io/config holds ProxyConfig as YAML text: its proxyMetadata and fields are checked, reported on the annotation. */
function checkProxyConfigAnnotation(out, tree, path, raw) {
    if (typeof raw !== 'string' || (out.plan.proxyEnv.size === 0 && out.plan.proxyConfig.length === 0))
        return;
    const config = proxyConfigOf(raw);
    if (!isMap$1(config))
        return;
    const at = located(tree.root, path);
    if (!at)
        return;
    // The annotation's inner YAML has no positions of its own: every hit points at the annotation.
    const inner = { value: config};
    // No key/value nodes: a fix must never rewrite the annotation itself.
    const report = (c, innerPath, name) => out.add(c, { line: at.line }, [...path, ...innerPath], name);
    if (isMap$1(config.proxyMetadata)) {
        for (const [name, value] of Object.entries(config.proxyMetadata)) {
            for (const c of out.plan.proxyEnv.get(name) ?? [])
                if (passes(value, c.test))
                    report(c, ['proxyMetadata', name], name);
        }
    }
    for (const c of out.plan.proxyConfig) {
        for (const pattern of c.patterns)
            for (const r of resolvePath(inner.value, pattern))
                if (passes(r.value, c.test))
                    report(c, r.path, formatPath(r.path));
    }
}
/** istiod env in IstioOperator components.pilot.k8s.env and in a rendered istiod Deployment (container discovery). */
function checkIstiodEnvInResources(out, doc, tree) {
    if (out.plan.istiodEnv.size === 0)
        return;
    const value = doc.value;
    const lists = [];
    if (doc.family === 'istio-operator')
        lists.push(['spec', 'components', 'pilot', 'k8s', 'env']);
    if (doc.resource.kind === 'Deployment') {
        const containers = resolvePath(value, [{ kind: 'key', key: 'spec' }, { kind: 'key', key: 'template' }, { kind: 'key', key: 'spec' }, { kind: 'key', key: 'containers' }, { kind: 'anyItem' }]);
        for (const c of containers)
            if (isMap$1(c.value) && c.value.name === 'discovery')
                lists.push([...c.path, 'env']);
    }
    for (const listPath of lists)
        checkEnvList(out, tree, listPath, out.plan.istiodEnv);
}
/** `- name: X` / `value: Y` lists: reported on the name. */
function checkEnvList(out, tree, listPath, index) {
    const list = resolvePath(tree.value, listPath.map((k) => (typeof k === 'number' ? { kind: 'item', index: k } : { kind: 'key', key: k })))[0]?.value;
    if (!Array.isArray(list))
        return;
    list.forEach((item, i) => {
        if (!isMap$1(item) || typeof item.name !== 'string')
            return;
        for (const c of index.get(item.name) ?? []) {
            if (!passes(item.value, c.test))
                continue;
            const nameEntry = entryAt(tree.root, [...listPath, i, 'name']);
            const valueNode = nodeAt(tree.root, [...listPath, i, 'value']);
            if (!nameEntry)
                continue;
            out.add(c, { line: nameEntry.keyNode.line, ...(nameEntry.value ? { keyNode: nameEntry.value } : {}), ...(valueNode ? { valueNode } : {}) }, [...tree.at, ...listPath, i, 'name'], item.name);
        }
    });
}
/** networking.istio.io ProxyConfig: spec.environmentVariables. */
function checkProxyConfigResource(out, doc, tree) {
    if (doc.resource.kind !== 'ProxyConfig' || groupOf(doc.resource.apiVersion) !== 'networking.istio.io')
        return;
    const env = valueAt(doc.value, ['spec', 'environmentVariables']);
    if (!isMap$1(env))
        return;
    for (const [name, value] of Object.entries(env)) {
        for (const c of out.plan.proxyEnv.get(name) ?? [])
            if (passes(value, c.test))
                out.addAt(c, tree, ['spec', 'environmentVariables', name], name);
    }
}
/** Substrings in any scalar of the selected kinds; reported on the file line that holds the text. */
function checkText(out, doc) {
    const candidates = out.plan.text.filter((c) => (c.kinds?.has(doc.resource.kind) ?? false) || (doc.family !== undefined && (c.families?.has(doc.family) ?? false)));
    if (candidates.length === 0)
        return;
    // Without a fix, one finding per document and match says enough: on the first scalar that is a bare word
    // (`- name: istio-proxy`), else on the first prose mentioning it (a policy message). With a fix, every line
    // gets its edit.
    const done = new Set();
    const prose = new Map();
    const report = (c, node, path) => out.add(c, { line: node.line, valueNode: node, ...(c.needle !== undefined ? { needle: c.needle } : {}) }, [...path], c.needle ?? c.match.pattern ?? '');
    walk(doc.root, (node, path) => {
        // A resource's own name and labels say nothing about what it matches (require-istio-proxy is a name).
        if (path.length === 1 && path[0] === 'metadata')
            return 'skip';
        if (node.kind !== 'scalar')
            return;
        for (const c of candidates) {
            if (done.has(c))
                continue;
            const hit = c.needle !== undefined ? node.text.includes(c.needle) : c.regex.test(node.text);
            if (!hit)
                continue;
            if (!c.fix) {
                if (/\s/.test(node.text.trim())) {
                    if (!prose.has(c))
                        prose.set(c, { node, path: [...path] });
                    continue;
                }
                done.add(c);
                prose.delete(c);
            }
            report(c, node, path);
        }
    });
    for (const [c, at] of prose)
        report(c, at.node, at.path);
}
/** Chart names installed by a Flux HelmRelease or an Argo CD Application. */
function checkCharts(out, doc) {
    if (out.plan.charts.size === 0 || doc.family !== 'helm-release')
        return;
    const spec = doc.value.spec;
    if (!isMap$1(spec))
        return;
    const value = doc.value;
    const metadata = isMap$1(value.metadata) ? value.metadata : {};
    const name = typeof metadata.name === 'string' ? metadata.name : undefined;
    // Generic chart names (base, gateway, cni) count only where recognise took the source for Istio's.
    const istio = chartsInstalled(value).map((c) => c.at.join('.'));
    const places = [];
    if (doc.resource.kind === 'HelmRelease') {
        const releaseName = typeof spec.releaseName === 'string' ? spec.releaseName : name && typeof spec.targetNamespace === 'string' ? `${spec.targetNamespace}-${name}` : name;
        places.push({ place: ['spec', 'chart', 'spec', 'chart'], at: ['spec'], install: { releaseName, values: valuesAt(doc, ['spec', 'values']) } });
    }
    else {
        // An ApplicationSet's template is an Application: its spec one level down.
        const set = doc.resource.kind === 'ApplicationSet';
        const appSpec = set ? (isMap$1(spec.template) && isMap$1(spec.template.spec) ? spec.template.spec : {}) : spec;
        const prefix = set ? ['spec', 'template', 'spec'] : ['spec'];
        const sources = [];
        if (isMap$1(appSpec.source))
            sources.push([[...prefix, 'source'], appSpec.source]);
        if (Array.isArray(appSpec.sources))
            appSpec.sources.forEach((s, i) => sources.push([[...prefix, 'sources', i], s]));
        for (const [at, source] of sources) {
            const helm = isMap$1(source) && isMap$1(source.helm) ? source.helm : {};
            const releaseName = typeof helm.releaseName === 'string' ? helm.releaseName : name;
            places.push({ place: [...at, 'chart'], at, install: { releaseName, values: valuesAt(doc, [...at, 'helm']) } });
        }
    }
    const tree = { value: doc.value, root: doc.root, at: [] };
    for (const { place, at, install } of places)
        reportChart(out, tree, place, install, istio.includes(at.join('.')));
}
/** The inline Helm values embedded at or under `prefix` (recognise parsed them), or {}. */
function valuesAt(doc, prefix) {
    const e = doc.embedded.find((x) => x.role === 'helm-values' && prefix.every((p, i) => x.at[i] === p));
    return e?.value ?? {};
}
function checkChartYaml(out, doc) {
    if (out.plan.charts.size === 0)
        return;
    const deps = doc.value.dependencies;
    const tree = { value: doc.value, root: doc.root, at: [] };
    // A dependency is rendered under the parent chart's release, whose name the file does not say.
    deps.forEach((d, i) => reportChart(out, tree, ['dependencies', i, 'name'], { values: {} }, isMap$1(d) && isIstioChartRepository(d.repository)));
}
function reportChart(out, tree, place, install, istioSource) {
    const node = nodeAt(tree.root, place);
    const name = node?.kind === 'scalar' ? node.text.split('/').pop() ?? '' : '';
    if (GENERIC_CHARTS$1.has(name) && !istioSource)
        return;
    for (const c of out.plan.charts.get(name) ?? []) {
        if (c.conditions.length && !conditionsHold(install, c.conditions))
            continue;
        out.addAt(c, tree, place, name);
    }
}
// ---- Helm values and MeshConfig ------------------------------------------------------------------------------
function checkHelm(out, tree) {
    const plan = out.plan;
    const iop = tree.chart === 'istio-operator';
    for (const c of plan.helm) {
        if (iop)
            matchTree(out, c, tree, c.iopPatterns);
        else if (c.match.chart === tree.chart)
            matchTree(out, c, tree, c.patterns);
    }
    if (plan.istiodEnv.size > 0 && (tree.chart === 'istiod' || iop) && isMap$1(tree.value)) {
        const places = [['pilot', 'env']];
        if (!iop)
            places.push(['env']);
        for (const place of places) {
            const env = valueAt(tree.value, place);
            if (!isMap$1(env))
                continue;
            for (const [name, value] of Object.entries(env)) {
                for (const c of plan.istiodEnv.get(name) ?? [])
                    if (passes(value, c.test))
                        out.addAt(c, tree, [...place, name], name);
            }
        }
    }
}
function checkMesh(out, tree) {
    const plan = out.plan;
    for (const c of plan.meshConfig)
        matchTree(out, c, tree, c.patterns);
    for (const c of plan.proxyConfig)
        matchTree(out, c, tree, c.patterns, ['defaultConfig']);
    if (plan.proxyEnv.size === 0 || !isMap$1(tree.value))
        return;
    const defaults = tree.value.defaultConfig;
    const metadata = isMap$1(defaults) ? defaults.proxyMetadata : undefined;
    if (!isMap$1(metadata))
        return;
    for (const [name, value] of Object.entries(metadata)) {
        for (const c of plan.proxyEnv.get(name) ?? [])
            if (passes(value, c.test))
                out.addAt(c, tree, ['defaultConfig', 'proxyMetadata', name], name);
    }
}
/** Helm compatibilityVersion values in a document, with positions (Helm values of any chart and IstioOperator spec). */
function compatibilityVersionsIn(doc) {
    const out = [];
    const add = (tree, path) => {
        const text = scalarText(valueAt(tree.value, path));
        if (text === undefined)
            return;
        const where = located(tree.root, path);
        if (where)
            out.push({ value: text, line: where.line, path: formatPath([...tree.at, ...path]), ...(where.valueNode ? { valueNode: where.valueNode } : {}) });
    };
    for (const tree of helmTreesOf(doc))
        add(tree, ['compatibilityVersion']);
    if (doc.family === 'istio-operator')
        add({ value: doc.value, root: doc.root, at: [] }, ['spec', 'compatibilityVersion']);
    return out;
}

function escapeRegExp(text) {
    return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
/** Requotes `to` the way `from` was written, so the edit keeps valid YAML. */
function quoteLike(quote, to) {
    if (quote === '"')
        return `"${to.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
    if (quote === "'")
        return `'${to.replace(/'/g, "''")}'`;
    // A plain scalar that would need quoting (e.g. contains ': ' or starts with a special character) gets double quotes.
    return /^[\w./-][\w./:@-]*$/.test(to) && !/:\s/.test(to) ? to : `"${to.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}
function singleLineScalar(node) {
    return node?.kind === 'scalar' && node.line === node.endLine && node.style !== 'literal' && node.style !== 'folded' ? node : undefined;
}
/** Replaces the key `text` (plain or quoted, followed by a colon) on a line; undefined when not found exactly once. */
function replaceKey(line, text, to) {
    const re = new RegExp(`(^|[\\s{,?-])(["']?)${escapeRegExp(text)}\\2(\\s*:)`, 'g');
    const matches = [...line.matchAll(re)];
    if (matches.length !== 1)
        return undefined;
    const m = matches[0];
    const start = m.index + m[1].length;
    const end = start + m[2].length * 2 + text.length;
    return line.slice(0, start) + quoteLike(m[2], to) + line.slice(end);
}
/** Replaces the value `text` (plain or quoted) where it stands as a whole scalar on the line (last such place). */
function replaceValue(line, text, to) {
    const re = new RegExp(`(:\\s+|-\\s+|[\\[,{]\\s*|^\\s*)(["']?)${escapeRegExp(text)}\\2(?=\\s*(?:#.*)?$|\\s*[,\\]}])`, 'g');
    const matches = [...line.matchAll(re)];
    if (matches.length === 0)
        return undefined;
    const m = matches[matches.length - 1];
    const start = m.index + m[1].length;
    const end = start + m[2].length * 2 + text.length;
    return line.slice(0, start) + quoteLike(m[2], to) + line.slice(end);
}
function describe$1(spec, from) {
    if (spec.description)
        return spec.description;
    switch (spec.type) {
        case 'renameKey':
            return `Rename ${from} to ${spec.to}`;
        case 'replaceValue':
            return `Replace ${from} with ${spec.to}`;
        case 'replaceText':
            return `Replace ${spec.from} with ${spec.to}`;
    }
}
/**
 * The one-line edit a fix spec makes at a hit, or undefined when the text is not where it is expected
 * (flow style, escapes, multi-line scalars): a fix must never guess.
 */
function buildFix(spec, hit, lines) {
    switch (spec.type) {
        case 'renameKey': {
            const key = singleLineScalar(hit.keyNode);
            if (!key)
                return undefined;
            const line = lines[key.line - 1];
            if (line === undefined)
                return undefined;
            // A map key is followed by a colon; an env list `name:` value is a plain value.
            const edited = replaceKey(line, key.text, spec.to) ?? replaceValue(line, key.text, spec.to);
            return edited !== undefined && edited !== line ? { description: describe$1(spec, key.text), edits: [{ startLine: key.line, endLine: key.line, replacement: edited }] } : undefined;
        }
        case 'replaceValue': {
            const value = singleLineScalar(hit.valueNode);
            if (!value)
                return undefined;
            const line = lines[value.line - 1];
            if (line === undefined)
                return undefined;
            const edited = replaceValue(line, value.text, spec.to);
            return edited !== undefined && edited !== line ? { description: describe$1(spec, value.text), edits: [{ startLine: value.line, endLine: value.line, replacement: edited }] } : undefined;
        }
        case 'replaceText': {
            const node = hit.valueNode;
            if (!node)
                return undefined;
            for (let n = node.line; n <= node.endLine; n++) {
                const line = lines[n - 1];
                if (line === undefined || !line.includes(spec.from))
                    continue;
                const edited = line.split(spec.from).join(spec.to);
                return { description: describe$1(spec, spec.from), edits: [{ startLine: n, endLine: n, replacement: edited }] };
            }
            return undefined;
        }
    }
}
/** The file line that literally holds `needle` within a node's lines (multi-line scalars), else the node's first line. */
function lineHolding(node, needle, lines) {
    if (needle === undefined)
        return node.line;
    for (let n = node.line; n <= node.endLine; n++)
        if (lines[n - 1]?.includes(needle))
            return n;
    return node.line;
}

/** Whether `release` carries a change that landed in any of `versions` (a release and its backports). */
function includedIn(release, versions) {
    const parsed = versions.map((v) => parseRelease(v));
    const sameMinor = parsed.filter((v) => v.minor === release.minor);
    if (sameMinor.length > 0)
        return sameMinor.some((v) => includesChange(release, v.version));
    return parsed.some((v) => includesChange(release, v.version));
}
/** The rule an entry reports under for this upgrade, or undefined when it does not apply. */
function ruleFor(entry, target, from) {
    const versions = [entry.since, ...(entry.backports ?? [])];
    const inTarget = includedIn(target, versions);
    const gone = entry.until !== undefined && includesChange(target, entry.until);
    switch (entry.change) {
        case 'removed':
            return inTarget ? 'removed-feature' : undefined;
        case 'added':
            return !inTarget && !gone ? 'not-yet-available' : undefined;
        case 'deprecated':
            return inTarget && !gone ? 'deprecated' : undefined;
        case 'no-effect':
            return gone ? undefined : 'no-effect';
        case 'default-changed':
        case 'behaviour-changed':
            // A change reverted in `until` is no change for an upgrade that lands past the revert; a revert
            // (`reverts`) is a change only for a from-release that had the reverted behaviour.
            if (from === undefined || !inTarget || includedIn(from, versions) || gone)
                return undefined;
            if (entry.reverts !== undefined && !includesChange(from, entry.reverts))
                return undefined;
            return entry.change;
    }
}
function predicate(m) {
    return {
        ...(m.values ? { values: new Set(m.values.map(String)) } : {}),
        ...(m.pattern !== undefined ? { pattern: new RegExp(m.pattern) } : {})
    };
}
function compileConditions(conditions, kind) {
    return (conditions ?? []).map((c) => {
        const relative = c.path === '@' || c.path.startsWith('@.');
        return {
            ...predicate(c),
            patterns: relative ? [compilePath(c.path.slice(2))] : expandMacros(c.path, kind).map(compilePath),
            absent: c.absent === true,
            relative,
            ...(c.equalsGroup !== undefined ? { equalsGroup: c.equalsGroup } : {})
        };
    });
}
function push(map, key, value) {
    const list = map.get(key);
    if (list)
        list.push(value);
    else
        map.set(key, [value]);
}
/** Memoises per-kind work (macro expansion depends on the kind's pod template). */
function perKind(make) {
    const cache = new Map();
    return (kind) => {
        let v = cache.get(kind);
        if (v === undefined) {
            v = make(kind);
            cache.set(kind, v);
        }
        return v;
    };
}
/** Default IstioOperator spec.values location of a chart's value. */
function defaultIopPaths(chart, paths) {
    switch (chart) {
        case 'gateway':
            return [];
        case 'cni':
            return paths.map((p) => (p.startsWith('cni.') ? p : `cni.${p}`));
        case 'ztunnel':
            return paths.map((p) => (p.startsWith('ztunnel.') ? p : `ztunnel.${p}`));
        default:
            return [...paths];
    }
}
function compilePlan(target, from, releases = CATALOG) {
    const plan = {
        target,
        ...(from ? { from } : {}),
        release: catalogRelease(target.minor, releases),
        byKind: new Map(),
        annotations: new Map(),
        labels: new Map(),
        selectorLabelKeys: [],
        meshConfig: [],
        proxyConfig: [],
        helm: [],
        istiodEnv: new Map(),
        proxyEnv: new Map(),
        text: [],
        charts: new Map(),
        compatibilityVersions: catalogRelease(target.minor, releases)?.compatibilityVersions ?? []
    };
    for (const entry of catalogEntries(releases)) {
        const rule = ruleFor(entry, target, from);
        if (!rule)
            continue;
        for (const match of entry.match) {
            const fix = match.fix === null ? undefined : (match.fix ?? entry.fix);
            const base = {
                entry,
                match,
                rule,
                severity: match.severity ?? entry.severity,
                message: match.message ?? entry.message,
                ...(fix ? { fix } : {}),
                test: 'values' in match || 'pattern' in match ? predicate(match) : {}
            };
            add(plan, base, match);
        }
    }
    return plan;
}
function add(plan, base, match) {
    switch (match.type) {
        case 'resource': {
            const compiled = { ...base, match, apiVersions: new Set(match.apiVersions) };
            for (const kind of match.kinds)
                push(plan.byKind, kind, compiled);
            return;
        }
        case 'field': {
            const compiled = {
                ...base,
                match,
                ...(match.apiVersions ? { apiVersions: new Set(match.apiVersions) } : {}),
                patterns: perKind((kind) => match.paths.flatMap((p) => expandMacros(p, kind)).map(compilePath)),
                conditions: perKind((kind) => compileConditions(match.where, kind))
            };
            for (const kind of match.kinds) {
                if (kind === '$workload')
                    for (const w of WORKLOAD_KINDS)
                        push(plan.byKind, w, compiled);
                else
                    push(plan.byKind, kind, compiled);
            }
            return;
        }
        case 'annotation':
        case 'label': {
            const compiled = { ...base, match, on: new Set(match.on) };
            push(match.type === 'annotation' ? plan.annotations : plan.labels, match.key, compiled);
            if (match.type === 'label' && match.on.includes('selector') && !plan.selectorLabelKeys.includes(match.key))
                plan.selectorLabelKeys.push(match.key);
            return;
        }
        case 'meshConfig':
        case 'proxyConfig': {
            const compiled = { ...base, patterns: match.paths.map(compilePath), conditions: [] };
            (match.type === 'meshConfig' ? plan.meshConfig : plan.proxyConfig).push(compiled);
            return;
        }
        case 'helmValue': {
            plan.helm.push({
                ...base,
                match,
                patterns: match.paths.map(compilePath),
                iopPatterns: (match.iopPaths ?? defaultIopPaths(match.chart, match.paths)).map(compilePath),
                conditions: compileConditions(match.where, '')
            });
            return;
        }
        case 'env': {
            const compiled = { ...base, match };
            if (match.component !== 'proxy')
                push(plan.istiodEnv, match.name, compiled);
            if (match.component !== 'istiod')
                push(plan.proxyEnv, match.name, compiled);
            return;
        }
        case 'text': {
            plan.text.push({
                ...base,
                match,
                ...(match.kinds ? { kinds: new Set(match.kinds) } : {}),
                ...(match.families ? { families: new Set(match.families) } : {}),
                ...(match.contains !== undefined ? { needle: match.contains } : {}),
                ...(match.pattern !== undefined ? { regex: new RegExp(match.pattern) } : {})
            });
            return;
        }
        case 'helmChart':
            for (const name of match.names)
                push(plan.charts, name, { ...base, conditions: compileConditions(match.where, '') });
            return;
    }
}
const plans = new Map();
/** The compiled plan for a (target, from) pair; cached, since every document of a run shares it. */
function planFor(target, from) {
    const key = `${target.version}|${from?.version ?? ''}`;
    let plan = plans.get(key);
    if (!plan) {
        plan = compilePlan(target, from);
        plans.set(key, plan);
    }
    return plan;
}

/** Default size limit: manifests are small, generated bundles of this size are not the PR's intent. */
const DEFAULT_MAX_FILE_BYTES = 4 * 1024 * 1024;
const PARSE_RULE$1 = 'parse';
const DUPLICATE_KEY_RULE = 'duplicate-key';
/** A Go/Helm template action on one line: `{{ .Values.x }}`, `{{- if … }}`, `{{ include "x" . }}`. */
const TEMPLATE_ACTION = /\{\{-?[^{}]*-?\}\}/;
/** Quoted spans of a line, removed before looking for template actions (quoted templates are data). */
const QUOTED = /"(?:[^"\\]|\\.)*"|'(?:[^']|'')*'/g;
/** Characters libyaml refuses anywhere in its input, comments included ("control characters are not allowed"). */
const CONTROL = /[\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x84\x86-\x9F\uFFFE\uFFFF]/g;
/** Bytes scanned for NUL to tell binary files (git does the same). */
const BINARY_PROBE = 8000;
function parseManifestFile(path, content, options = {}) {
    try {
        return readManifestFile(path, content, options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES);
    }
    catch (error) {
        // A bug of ours must cost this file only, never the run for the other files: say so, and go on.
        const message = `istio-compat could not read this file (${error?.message ?? String(error)}); it was not checked. Please report this.`;
        return { path, lines: [], documents: [], problems: [{ rule: PARSE_RULE$1, severity: 'error', message, file: path, line: 1 }] };
    }
}
/** "4 MiB" for the messages. */
function formatBytes(n) {
    if (n >= 1024 * 1024 && n % (1024 * 1024) === 0)
        return `${n / (1024 * 1024)} MiB`;
    if (n >= 1024 && n % 1024 === 0)
        return `${n / 1024} KiB`;
    return `${n} bytes`;
}
function readManifestFile(path, content, maxBytes) {
    const problems = [];
    const problem = (severity, line, message, rule = PARSE_RULE$1) => {
        problems.push({ rule, severity, message, file: path, line });
    };
    const skipped = (severity, message) => {
        problem(severity, 1, message);
        return { path, lines: [], documents: [], problems };
    };
    const tooBig = (size) => skipped('warning', `File is ${size}, above the size limit of ${formatBytes(maxBytes)} (${maxBytes} bytes); it was not checked. Raise the limit (input max-file-size, config maxFileSize or --max-file-size) to check it.`);
    let text;
    let badBytes = [];
    if (typeof content === 'string') {
        if (content.length > maxBytes)
            return tooBig(`${content.length} characters`);
        const nul = content.indexOf('\0');
        if (nul !== -1 && nul < BINARY_PROBE)
            return skipped('warning', 'Binary file (it holds NUL bytes, which kubectl refuses too); it was not checked.');
        text = content;
    }
    else {
        if (content.byteLength > maxBytes)
            return tooBig(`${content.byteLength} bytes`);
        const utf16 = content.length >= 2 && ((content[0] === 0xff && content[1] === 0xfe) || (content[0] === 0xfe && content[1] === 0xff));
        if (utf16) {
            // go-yaml reads UTF-16 with a byte order mark; so does the checker.
            text = new TextDecoder(content[0] === 0xff ? 'utf-16le' : 'utf-16be').decode(content);
        }
        else {
            if (content.subarray(0, BINARY_PROBE).includes(0))
                return skipped('warning', 'Binary file (it holds NUL bytes, which kubectl refuses too); it was not checked.');
            try {
                text = new TextDecoder('utf-8', { fatal: true }).decode(content);
            }
            catch {
                text = new TextDecoder('utf-8').decode(content);
                badBytes = invalidUtf8(content);
            }
        }
    }
    // The decoders drop a leading BOM; a string may still carry one.
    if (text.charCodeAt(0) === 0xfeff)
        text = text.slice(1);
    const starts = lineStarts(text);
    // Split eagerly: a lazy getter on the result measured 25% slower over the whole parse (V8 and accessor objects).
    const lines = splitLines(text);
    const cursor = new LineCursor(starts);
    const bad = badBytes.concat(controlCharacters(text, starts));
    if (badBytes.length && bad.length > badBytes.length)
        bad.sort((a, b) => a.line - b.line);
    const documents = [];
    const templateLines = [];
    const ctx = {
        text,
        starts,
        onEmbeddedError: (line, message) => problem('error', line, message),
        onDuplicateKey: (duplicate, where) => problem('warning', duplicate.node.line, duplicateMessage(duplicate, where), DUPLICATE_KEY_RULE)
    };
    const mayHaveTemplates = text.includes('{{');
    let index = 0;
    let badAt = 0;
    const add = (parsed) => {
        for (const duplicate of parsed.duplicates)
            problem('warning', duplicate.node.line, duplicateMessage(duplicate), DUPLICATE_KEY_RULE);
        const root = parsed.root;
        documents.push(recognise({ file: path, index: index++, line: root.line, endLine: root.endLine, root, value: parsed.value, kind: 'unknown', embedded: [] }, ctx));
    };
    const broken = (startLine, endLine, line, message) => {
        const templateLine = mayHaveTemplates ? firstTemplateLine(lines, startLine, endLine) : undefined;
        if (templateLine !== undefined)
            templateLines.push(templateLine);
        else
            problem('error', line, `${message}; the document at lines ${firstContentLine(lines, startLine, endLine)}-${lastContentLine(lines, startLine, endLine)} was not checked.`);
        index++; // a broken document keeps its slot, so the documents after it keep their identity
    };
    const json = jsonStream(text);
    const split = json ? undefined : splitDocuments(text);
    if (split?.whole && bad.length === 0) {
        // The common file: YAML's own document splitting is kubectl's, so one parse reads every document.
        let whole;
        try {
            whole = parseStream(text, { cursor });
        }
        catch (error) {
            if (!(error instanceof YamlError))
                throw error;
        }
        if (whole) {
            for (const parsed of whole)
                if (parsed !== null && parsed.root !== null)
                    add(parsed);
            return finish();
        }
    }
    // Otherwise document by document, so that a broken one costs only itself.
    const chunks = json ?? split;
    for (const chunk of chunks) {
        const startLine = cursor.line(chunk.start);
        const endLine = chunk.end > chunk.start ? cursor.line(chunk.end - 1) : startLine;
        while (badAt < bad.length && bad[badAt].line < startLine)
            badAt++;
        if (chunk.error) {
            broken(startLine, endLine, lineAt(starts, chunk.errorOffset), `Invalid YAML: ${chunk.error}`);
            continue;
        }
        if (badAt < bad.length && bad[badAt].line <= endLine) {
            const spot = bad[badAt];
            problem('error', spot.line, `${spot.message}; kubectl refuses the file, and the document at lines ${firstContentLine(lines, startLine, endLine)}-${lastContentLine(lines, startLine, endLine)} was not checked.`);
            index++;
            continue;
        }
        let parsed;
        try {
            parsed = parseDocument(text.slice(chunk.start, chunk.end), { offset: chunk.start, cursor });
        }
        catch (error) {
            if (!(error instanceof YamlError))
                throw error;
            const last = lastContentLine(lines, startLine, endLine);
            // At the end of input (unclosed bracket or quote) js-yaml points past the document: use its last line.
            broken(startLine, endLine, Math.max(startLine, Math.min(lineAt(starts, error.fileOffset), last)), `Invalid YAML: ${error.message}`);
            continue;
        }
        if (parsed === null || parsed.root === null)
            continue; // `---` with nothing after it is no document worth an index
        if (chunk.value !== undefined)
            parsed.value = chunk.value;
        add(parsed);
    }
    return finish();
    function finish() {
        if (templateLines.length) {
            const n = templateLines.length;
            let first = templateLines[0];
            for (const l of templateLines)
                if (l < first)
                    first = l;
            problem('notice', first, `Helm template syntax ({{ }}) breaks the YAML of ${n === 1 ? 'a document' : `${n} documents`} of this file: ${n === 1 ? 'it is a chart template' : 'they are chart templates'}, not ${n === 1 ? 'a manifest' : 'manifests'}, and ${n === 1 ? 'was' : 'were'} not checked; check the rendered output instead.`);
        }
        return { path, lines, lineStarts: starts, documents, problems };
    }
}
function duplicateMessage(d, where) {
    const key = d.key.length > 60 ? `${d.key.slice(0, 60)}…` : d.key;
    const inText = where ? ` in ${where}` : '';
    const reader = where ? 'istiod and kubectl keep' : 'kubectl keeps';
    if (d.sameText)
        return `Key "${key}"${inText} is written twice in one mapping (first on line ${d.first.line}): ${reader} the value of line ${d.node.line}, while kustomize and Flux refuse the file.`;
    return `Keys on lines ${d.first.line} and ${d.node.line}${inText} are the same key "${key}" under YAML 1.1: ${reader} the value of line ${d.node.line}; kustomize and Flux read them as two different keys.`;
}
function splitLines(text) {
    const lines = text.split('\n');
    if (text.includes('\r'))
        for (let i = 0; i < lines.length; i++)
            if (lines[i].endsWith('\r'))
                lines[i] = lines[i].slice(0, -1);
    return lines;
}
/** Lines (of the decoded text) holding bytes that are not UTF-8; kubectl refuses them. */
function invalidUtf8(bytes) {
    const out = [];
    let line = 1;
    let lastLine = 0;
    for (let i = 0; i < bytes.length;) {
        const b = bytes[i];
        if (b === 10)
            line++;
        let need = b < 0x80 ? 0 : b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
        let ok = need >= 0 && i + need < bytes.length;
        for (let k = 1; ok && k <= need; k++)
            if ((bytes[i + k] & 0xc0) !== 0x80)
                ok = false;
        if (ok && need === 2) {
            const cp = ((b & 0x0f) << 12) | ((bytes[i + 1] & 0x3f) << 6);
            if (cp < 0x800 || (cp >= 0xd800 && cp <= 0xdfff))
                ok = false;
        }
        else if (ok && need === 3) {
            const cp = ((b & 0x07) << 18) | ((bytes[i + 1] & 0x3f) << 12);
            if (cp < 0x10000 || cp > 0x10ffff)
                ok = false;
        }
        if (!ok) {
            if (line !== lastLine)
                out.push({ line, message: `Invalid UTF-8: byte 0x${b.toString(16).toUpperCase().padStart(2, '0')} on line ${line} is not UTF-8 text (saved in another encoding?)` });
            lastLine = line;
            need = 0;
        }
        i += need + 1;
    }
    return out;
}
/** Lines holding a control character libyaml refuses anywhere in its input (comments too). */
function controlCharacters(text, starts) {
    const out = [];
    CONTROL.lastIndex = 0;
    let m;
    let lastLine = 0;
    while ((m = CONTROL.exec(text)) !== null) {
        const line = lineAt(starts, m.index);
        if (line !== lastLine)
            out.push({ line, message: `Control character U+${m[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')} on line ${line}, which YAML does not allow` });
        lastLine = line;
    }
    return out;
}
/**
 * kubectl reads a file whose first non-blank character is `{` as a stream of JSON values, and falls back to YAML
 * when that fails on the first value (k8s.io/apimachinery YAMLOrJSONDecoder). The JSON documents, when every value
 * of the file is JSON; undefined to read the file as YAML.
 */
function jsonStream(text) {
    let i = 0;
    while (i < text.length && /\s/.test(text[i]))
        i++;
    if (text.charCodeAt(i) !== 123)
        return undefined;
    const out = [];
    while (i < text.length) {
        const end = jsonValueEnd(text, i);
        if (end < 0)
            return undefined;
        let value;
        try {
            value = JSON.parse(text.slice(i, end));
        }
        catch {
            return undefined;
        }
        out.push({ start: i, end, errorOffset: i, value });
        i = end;
        while (i < text.length && (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r'))
            i++;
    }
    return out.length > 1 ? out : undefined;
}
/** End of the JSON object or array starting at `i` (brackets counted outside strings), or -1. */
function jsonValueEnd(text, i) {
    const open = text.charCodeAt(i);
    if (open !== 123 && open !== 91)
        return -1;
    let depth = 0;
    for (let k = i; k < text.length; k++) {
        const c = text.charCodeAt(k);
        if (c === 34) {
            for (k++; k < text.length && text.charCodeAt(k) !== 34; k++)
                if (text.charCodeAt(k) === 92)
                    k++;
        }
        else if (c === 123 || c === 91)
            depth++;
        else if (c === 125 || c === 93) {
            if (--depth === 0)
                return k + 1;
        }
    }
    return -1;
}
/** First line in [from, to] with a template action outside quotes and comments. */
function firstTemplateLine(lines, from, to) {
    for (let l = from; l <= to && l <= lines.length; l++) {
        const line = lines[l - 1];
        if (!line.includes('{{'))
            continue;
        const bare = line.replace(QUOTED, '""');
        const hash = bare.search(/(^|\s)#/);
        if (TEMPLATE_ACTION.test(hash === -1 ? bare : bare.slice(0, hash)))
            return l;
    }
    return undefined;
}
function isContent(line) {
    const t = line.trim();
    return t !== '' && !t.startsWith('#') && !t.startsWith('%') && !/^(?:---|\.\.\.)(?:\s|$)/.test(t);
}
/** The last line of a chunk that is not blank, a comment or a marker. */
function lastContentLine(lines, from, to) {
    for (let l = Math.min(to, lines.length); l > from; l--)
        if (isContent(lines[l - 1]))
            return l;
    return from;
}
function firstContentLine(lines, from, to) {
    for (let l = from; l <= to && l <= lines.length; l++)
        if (isContent(lines[l - 1]))
            return l;
    return from;
}

/** Chart names other projects publish too: Istio's only from Istio's repository. */
const GENERIC_CHARTS = new Set(['base', 'gateway', 'cni']);
/** Istio chart names as published (the last path segment of a chart reference). */
const ISTIO_CHARTS = new Set(['base', 'istio-base', 'istiod', 'istio-discovery', 'istiod-remote', 'gateway', 'istio-gateway', 'cni', 'istio-cni', 'ztunnel', 'istio-ztunnel']);
/** Charts whose version is the control plane's: preferred over gateways and node agents. */
const CONTROL_PLANE_CHARTS = new Set(['istiod', 'istio-discovery', 'istiod-remote', 'base', 'istio-base']);
/** Image tag variants that are not part of the version. */
const VARIANT_SUFFIX = /-(distroless|debug)$/;
function isMap(v) {
    return typeof v === 'object' && v !== null && !Array.isArray(v);
}
function chartName(ref) {
    if (typeof ref !== 'string')
        return undefined;
    const name = ref.replace(/\/+$/, '').split('/').pop() ?? '';
    return ISTIO_CHARTS.has(name) ? name : undefined;
}
/** Compares dotted numeric versions (missing parts count as 0). */
function cmp(a, b) {
    for (let i = 0; i < Math.max(a.length, b.length); i++) {
        const d = (a[i] ?? 0) - (b[i] ?? 0);
        if (d !== 0)
            return d;
    }
    return 0;
}
function nums(v) {
    const m = /^v?(\d+)(?:\.(\d+|[xX*]))?(?:\.(\d+|[xX*]))?$/.exec(v);
    if (!m)
        return undefined;
    const out = [Number(m[1])];
    for (const part of [m[2], m[3]]) {
        if (part === undefined || /[xX*]/.test(part))
            break;
        out.push(Number(part));
    }
    return out;
}
/** The known releases as [major, minor] pairs, oldest first. */
const KNOWN = KNOWN_MINORS.map((m) => m.split('.').map(Number));
/**
 * Resolves a version or a version range to the release it installs. Exact versions stay as written (variant
 * suffixes like -distroless dropped); `1.28`, `1.28.x`, `1.28.*` and `~1.28.0` mean the newest 1.28 patch
 * ('1.28'); comparator ranges (`>=1.27 <1.29`, `^1.27.0`, `1.27 - 1.28`, `||` alternatives) resolve to the
 * newest known release they allow, which is what Helm, Flux and Argo CD would pick; an upper bound inside a
 * minor (`<1.28.3`) gives that patch minus one. Undefined when nothing can be inferred (`*`, `latest`, garbage).
 */
function resolveVersionSpec(spec) {
    const text = spec.trim().replace(VARIANT_SUFFIX, '');
    if (text === '' || text === '*' || /^latest$/i.test(text))
        return undefined;
    const exact = /^[v=]?(\d+\.\d+(?:\.\d+)?(?:-[0-9A-Za-z.]+)?)$/.exec(text);
    if (exact)
        return exact[1];
    const xrange = /^[v=]?(\d+)\.(\d+)\.[xX*]$/.exec(text);
    if (xrange)
        return `${Number(xrange[1])}.${Number(xrange[2])}`;
    const alternatives = text.split('||').map((a) => resolveRange(a.trim())).filter((v) => v !== undefined);
    if (alternatives.length === 0)
        return undefined;
    return alternatives.sort((a, b) => cmp(nums(a) ?? [], nums(b) ?? [])).pop();
}
/** One comparator set → the newest known release inside it. */
function resolveRange(range) {
    const hyphen = /^(\S+)\s+-\s+(\S+)$/.exec(range);
    const comparators = hyphen ? [`>=${hyphen[1]}`, `<=${hyphen[2]}`] : range.split(/[\s,]+/).filter(Boolean);
    let lower;
    let upper;
    for (const c of comparators) {
        const m = /^(>=|<=|>|<|=|~>|~|\^)?\s*(.+)$/.exec(c);
        if (!m)
            return undefined;
        const [, op = '=', raw] = m;
        const v = nums(raw.replace(/^v/, ''));
        if (!v)
            return undefined;
        switch (op) {
            case '>=':
            case '>':
                lower = { v, inclusive: op === '>=' };
                break;
            case '<=':
            case '<':
                upper = { v, inclusive: op === '<=', raw };
                break;
            case '~':
            case '~>':
                lower = { v, inclusive: true };
                upper = { v: v.length >= 2 ? [v[0], v[1] + 1] : [v[0] + 1], inclusive: false, raw: '' };
                break;
            case '^':
                lower = { v, inclusive: true };
                upper = { v: [v[0] + 1], inclusive: false, raw: '' };
                break;
            default:
                // A bare partial version (`1.28`, `1.x`) is a range over what it leaves open.
                lower = { v, inclusive: true };
                upper = { v: v.length >= 2 ? [v[0], v[1] + 1] : [v[0] + 1], inclusive: false, raw: '' };
        }
    }
    // An upper bound with a patch inside a known minor pins that minor's patch.
    if (upper && upper.v.length === 3 && upper.v[2] > (upper.inclusive ? -1 : 0)) {
        const patch = upper.inclusive ? upper.v[2] : upper.v[2] - 1;
        const candidate = [upper.v[0], upper.v[1], patch];
        if (!lower || cmp(candidate, lower.v) > 0 || (lower.inclusive && cmp(candidate, lower.v) === 0))
            return candidate.join('.');
    }
    for (let i = KNOWN.length - 1; i >= 0; i--) {
        const minor = KNOWN[i];
        const newestPatch = [...minor, Number.MAX_SAFE_INTEGER];
        if (upper) {
            const c = cmp(minor, upper.v.slice(0, 2));
            if (c > 0 || (c === 0 && !upper.inclusive && upper.v.length <= 2) || (c === 0 && upper.v.length === 3 && !upper.inclusive && upper.v[2] === 0))
                continue;
        }
        if (lower && cmp(newestPatch, lower.v) < 0)
            continue;
        return minor.join('.');
    }
    // Nothing known fits: hand back the lower bound so the caller can name the unknown release.
    return lower ? lower.v.join('.') : undefined;
}
function scalarAt(root, path) {
    const node = nodeAt(root, path);
    if (node?.kind !== 'scalar')
        return undefined;
    const entry = entryAt(root, path);
    return { text: node.text, line: node.line ?? entry?.keyNode.line };
}
/**
 * Ranks: what installs Istio first (0: control plane charts and the istiod image of a rendered install; 1: other
 * Istio charts), then what only names a release (2: IstioOperator spec.tag, Helm values global.tag), then
 * compatibilityVersion (3), which says which behaviour is kept, not what runs.
 */
const RANK = { installsControlPlane: 0, installs: 1, names: 2, compatibility: 3 };
const sourceKey = (kind, namespace, name) => `${kind}/${namespace ?? ''}/${name}`;
function collectSources(doc, out) {
    const value = doc.value;
    if (!isMap(value) || (value.kind !== 'HelmRepository' && value.kind !== 'OCIRepository'))
        return;
    const metadata = isMap(value.metadata) ? value.metadata : {};
    const spec = isMap(value.spec) ? value.spec : {};
    if (typeof metadata.name !== 'string' || typeof spec.url !== 'string')
        return;
    const ns = typeof metadata.namespace === 'string' ? metadata.namespace : undefined;
    out.set(sourceKey(value.kind, ns, metadata.name), spec.url);
    out.set(sourceKey(value.kind, '*', metadata.name), spec.url);
}
/**
 * The Istio chart a reference names, or undefined. Generic names (base, gateway, cni) count only when the
 * repository is Istio's; istiod, ztunnel and the istio-* names count from any repository (mirrors).
 */
function istioChartOf(ref, repository) {
    const name = chartName(ref);
    if (!name)
        return undefined;
    if (GENERIC_CHARTS.has(name) && !isIstioChartRepository(repository) && !isIstioChartRepository(ref))
        return undefined;
    return name;
}
/** The istiod image of a rendered install (`.../pilot:1.29.0`): the tag is the version that runs. */
const PILOT_IMAGE = /(?:^|\/)pilot:([^@\s]+)$/;
function candidatesOf(doc, sources, unresolved) {
    const out = [];
    const value = doc.value;
    if (!isMap(value))
        return out;
    const take = (path, how, rank, root = doc.root) => {
        const found = scalarAt(root, path);
        if (!found)
            return;
        const version = resolveVersionSpec(found.text);
        if (version)
            out.push({ version, file: doc.file, line: found.line, how, rank });
        else if (rank <= RANK.installs)
            unresolved.push({ version: found.text, file: doc.file, line: found.line, how });
    };
    const rankOf = (chart) => (CONTROL_PLANE_CHARTS.has(chart) ? RANK.installsControlPlane : RANK.installs);
    const spec = isMap(value.spec) ? value.spec : {};
    const metadata = isMap(value.metadata) ? value.metadata : {};
    const kind = value.kind;
    if (kind === 'HelmRelease' && isMap(spec.chart) && isMap(spec.chart.spec)) {
        const chartSpec = spec.chart.spec;
        const ref = isMap(chartSpec.sourceRef) ? chartSpec.sourceRef : {};
        const refKind = typeof ref.kind === 'string' ? ref.kind : 'HelmRepository';
        const ns = typeof ref.namespace === 'string' ? ref.namespace : typeof metadata.namespace === 'string' ? metadata.namespace : undefined;
        const url = typeof ref.name === 'string' ? sources.get(sourceKey(refKind, ns, ref.name)) ?? sources.get(sourceKey(refKind, '*', ref.name)) : undefined;
        const chart = istioChartOf(chartSpec.chart, url);
        if (chart)
            take(['spec', 'chart', 'spec', 'version'], `Flux HelmRelease spec.chart.spec.version (chart ${chart})`, rankOf(chart));
    }
    if (kind === 'OCIRepository' && typeof spec.url === 'string') {
        const chart = istioChartOf(spec.url, spec.url);
        if (chart && isMap(spec.ref)) {
            take(['spec', 'ref', 'tag'], `Flux OCIRepository spec.ref.tag (chart ${chart})`, rankOf(chart));
            take(['spec', 'ref', 'semver'], `Flux OCIRepository spec.ref.semver (chart ${chart})`, rankOf(chart));
        }
    }
    // Argo CD: an Application, or the template of an ApplicationSet (the same spec one level down).
    const argo = [];
    if (kind === 'Application')
        argo.push([['spec'], spec, 'Argo CD Application']);
    if (kind === 'ApplicationSet' && isMap(spec.template) && isMap(spec.template.spec))
        argo.push([['spec', 'template', 'spec'], spec.template.spec, 'Argo CD ApplicationSet']);
    for (const [at, appSpec, what] of argo) {
        if (isMap(appSpec.source)) {
            const chart = istioChartOf(appSpec.source.chart, typeof appSpec.source.repoURL === 'string' ? appSpec.source.repoURL : undefined);
            if (chart)
                take([...at, 'source', 'targetRevision'], `${what} ${at.join('.')}.source.targetRevision (chart ${chart})`, rankOf(chart));
        }
        if (Array.isArray(appSpec.sources)) {
            appSpec.sources.forEach((s, i) => {
                const chart = isMap(s) ? istioChartOf(s.chart, typeof s.repoURL === 'string' ? s.repoURL : undefined) : undefined;
                if (chart)
                    take([...at, 'sources', i, 'targetRevision'], `${what} ${at.join('.')}.sources[${i}].targetRevision (chart ${chart})`, rankOf(chart));
            });
        }
    }
    if (kind === 'IstioOperator')
        take(['spec', 'tag'], 'IstioOperator spec.tag', RANK.names);
    if (/(^|\/)Chart\.ya?ml$/.test(doc.file) && Array.isArray(value.dependencies)) {
        value.dependencies.forEach((d, i) => {
            const chart = isMap(d) ? istioChartOf(d.name, typeof d.repository === 'string' ? d.repository : undefined) : undefined;
            if (chart)
                take(['dependencies', i, 'version'], `Chart.yaml dependency ${chart}`, rankOf(chart));
        });
    }
    if (/(^|\/)kustomization\.ya?ml$/.test(doc.file) && Array.isArray(value.helmCharts)) {
        value.helmCharts.forEach((h, i) => {
            const chart = isMap(h) ? istioChartOf(h.name, typeof h.repo === 'string' ? h.repo : undefined) : undefined;
            if (chart)
                take(['helmCharts', i, 'version'], `kustomization helmCharts ${chart}`, rankOf(chart));
        });
    }
    // A rendered install: the istiod Deployment's pilot image tag.
    if (kind === 'Deployment') {
        const podSpec = isMap(spec.template) && isMap(spec.template.spec) ? spec.template.spec : {};
        const containers = Array.isArray(podSpec.containers) ? podSpec.containers : [];
        containers.forEach((c, i) => {
            if (!isMap(c) || typeof c.image !== 'string')
                return;
            const m = PILOT_IMAGE.exec(c.image);
            if (!m || !(/istio/i.test(c.image) || c.name === 'discovery'))
                return;
            const path = ['spec', 'template', 'spec', 'containers', i, 'image'];
            const found = scalarAt(doc.root, path);
            const version = resolveVersionSpec(m[1]);
            if (found && version)
                out.push({ version, file: doc.file, line: found.line, how: `istiod image ${c.image}`, rank: RANK.installsControlPlane });
        });
    }
    // Helm values: an image tag pins the release; compatibilityVersion only says which behaviour is kept.
    for (const e of doc.embedded) {
        if (e.role !== 'helm-values')
            continue;
        take(['global', 'tag'], `Helm values global.tag (chart ${e.chart ?? 'istio'})`, RANK.names, e.root);
        take(['compatibilityVersion'], `Helm values compatibilityVersion (chart ${e.chart ?? 'istio'})`, RANK.compatibility, e.root);
    }
    if (kind === 'IstioOperator')
        take(['spec', 'compatibilityVersion'], 'IstioOperator spec.compatibilityVersion', RANK.compatibility);
    return out;
}
/** Only files that hold one of the sources above are parsed (detection runs over whole repositories). */
const MAY_NAME_VERSION = /HelmRelease|HelmRepository|OCIRepository|kind:\s*["']?Application|IstioOperator|dependencies:|helmCharts:|compatibilityVersion|global:|pilot:/;
function toManifestFile(input) {
    if ('documents' in input)
        return input;
    if (!MAY_NAME_VERSION.test(input.text))
        return undefined;
    return parseManifestFile(input.path, input.text);
}
const minorOf = (v) => v.split('.').slice(0, 2).join('.');
/**
 * Every source of the Istio version in the files, and the one to use: the best rank wins (what installs Istio over
 * loose files); within it the version most sources name, then the newest — never the order of the paths.
 * Known releases win over unknown ones (a chart's placeholder version 1.0.0).
 */
function detectIstio(files) {
    const parsed = [];
    for (const input of files) {
        const file = toManifestFile(input);
        if (file)
            parsed.push(file);
    }
    const sources = new Map();
    for (const file of parsed)
        for (const doc of file.documents)
            collectSources(doc, sources);
    const all = [];
    const unresolved = [];
    for (const file of parsed)
        for (const doc of file.documents)
            all.push(...candidatesOf(doc, sources, unresolved));
    all.sort((a, b) => a.rank - b.rank || a.file.localeCompare(b.file) || a.line - b.line);
    const known = all.filter((c) => isKnown(c.version));
    const pool = known.length ? known : all;
    let chosen;
    if (pool.length) {
        const best = pool[0].rank;
        const tier = pool.filter((c) => c.rank === best);
        const count = new Map();
        for (const c of tier)
            count.set(c.version, (count.get(c.version) ?? 0) + 1);
        chosen = [...tier].sort((a, b) => (count.get(b.version) ?? 0) - (count.get(a.version) ?? 0) || cmp(nums(b.version) ?? [], nums(a.version) ?? []) || a.file.localeCompare(b.file) || a.line - b.line)[0];
    }
    const strip = ({ rank: _rank, ...rest }) => rest;
    const disagreeing = chosen ? all.filter((c) => c.rank < RANK.compatibility && isKnown(c.version) && minorOf(c.version) !== minorOf(chosen.version)).map(strip) : [];
    const candidates = chosen ? [chosen, ...all.filter((c) => c !== chosen)].map(strip) : [];
    return { ...(chosen ? { chosen: strip(chosen) } : {}), candidates, unresolved, disagreeing };
}
function isKnown(version) {
    try {
        parseRelease(version);
        return true;
    }
    catch {
        return false;
    }
}
/** Every Istio version the files name, best first (the chosen one, then the others by rank). */
function detectIstioVersions(files) {
    return detectIstio(files).candidates;
}
/** The Istio version the repository installs, with the file and line that say so; undefined when none does. */
function detectIstioVersion(files) {
    return detectIstio(files).chosen;
}
/** True when detection would read the text at all (callers that parse files once for several uses ask first). */
function mayNameVersion(text) {
    return MAY_NAME_VERSION.test(text);
}

const KUBERNETES_RULE = 'kubernetes-version-unsupported';
/** '1.30', 'v1.30.2', '1.30.2-eks-1234' → 30 (the minor); undefined for anything else. */
function kubernetesMinor(version) {
    const m = /^v?1\.(\d+)(?:\.\d+)?(?:[-+].*)?$/.exec(version.trim());
    return m ? Number(m[1]) : undefined;
}
/**
 * Where a repository-level finding is anchored: the file and line that pin the Istio version when one does,
 * else the first Istio document of the analysed files, else the first file.
 */
function anchor(ctx) {
    const detected = detectIstioVersion(ctx.files);
    if (detected)
        return { file: detected.file, line: detected.line };
    for (const f of ctx.files) {
        const doc = f.documents.find((d) => d.family === 'istio' || d.family === 'istio-operator' || d.family === 'helm-release' || d.family === 'mesh-configmap' || d.kind === 'helm-values');
        if (doc)
            return { file: f.path, line: doc.line };
    }
    const first = ctx.files[0];
    return first ? { file: first.path, line: 1 } : undefined;
}
function kubernetesFindings(ctx) {
    if (!ctx.kubernetesVersion)
        return [];
    const minor = kubernetesMinor(ctx.kubernetesVersion);
    const range = catalogRelease(ctx.target.minor)?.kubernetes;
    // An unreadable version is an input error the CLI/action reports; nothing to anchor it to here.
    if (minor === undefined || !range)
        return [];
    const min = Number(range.min.split('.')[1]);
    const max = Number(range.max.split('.')[1]);
    if (minor >= min && minor <= max)
        return [];
    const where = anchor(ctx);
    if (!where)
        return [];
    const supported = `Istio ${ctx.target.version} supports Kubernetes ${range.min} to ${range.max}`;
    const tooOld = minor < min;
    return [{
            rule: KUBERNETES_RULE,
            severity: tooOld ? 'error' : 'warning',
            file: where.file,
            line: where.line,
            message: tooOld
                ? `${supported}; the cluster runs ${ctx.kubernetesVersion}, which is older than that, so the install is unsupported and istioctl precheck may refuse it.`
                : `${supported}; the cluster runs ${ctx.kubernetesVersion}, which is newer than anything this release was tested on.`,
            source: 'https://istio.io/latest/docs/releases/supported-releases/'
        }];
}

const format=1;const charts={istiod:{tags:["1.20.0","1.20.2","1.20.3","1.20.4","1.20.7","1.20.8","1.21.0-rc.0","1.21.0-rc.1","1.21.0","1.21.3","1.21.4","1.22.0","1.22.2","1.22.4","1.23.0","1.23.1","1.23.3","1.23.4","1.23.6","1.24.0","1.24.2","1.24.3","1.24.4","1.24.6","1.25.0","1.25.2","1.25.3","1.25.4","1.26.0-rc.0","1.26.0","1.26.1","1.26.2","1.26.3","1.26.5","1.27.0","1.27.2","1.27.6","1.28.0","1.28.1","1.28.4","1.28.6","1.29.0","1.29.1","1.29.2","1.30.0","1.30.2","1.30.3","1.31.0-rc.0"],reads:{_original:"28-",affinity:"19-",autoscaleBehavior:"19-",autoscaleEnabled:"19-",autoscaleMax:"19-",autoscaleMin:"19-",base:{"":"0-",enableIstioConfigCRDs:"0-",validateGateway:"0-5",validationCABundle:"11-",validationFailurePolicy:"40,43-",validationURL:"0-"},cni:{"":"19-",enabled:"19-",provider:"19-"},compatibilityVersion:{"":"6-",yaml:"6-"},configMap:"19-",cpu:{"":"19-",targetAverageUtilization:"19-"},crlConfigMapName:"41-",deploymentAnnotations:"34-",deploymentLabels:"19-",env:{"":"19-",CA_TRUSTED_NODE_ACCOUNTS:"19-",COMPLIANCE_POLICY:"47-",ENABLE_CLUSTER_TRUST_BUNDLE_API:"28-",EXTERNAL_CA:"19-",EXTERNAL_ISTIOD:"19-",MCS_API_GROUP:"19-",PILOT_ENABLE_GATEWAY_API_DEPLOYMENT_CONTROLLER:"19-"},envVarFrom:"28-",experimental:{"":"11-",stableValidationPolicy:"11-"},extraContainerArgs:"19-",gatewayClasses:"28-",gateways:{"":"5,10,12-",seccompProfile:"14-",securityContext:"5,10,12-"},global:{"":"0-",agentgateway:{"":"40-",image:"40-"},autoscalingv2API:"0-18",caAddress:"0-",caName:"0-",certSigners:"0-",configCluster:"0-",configValidation:"0-",defaultPodDisruptionBudget:{"":"0-",enabled:"0-"},defaultResources:{"":"0-",requests:{"":"0-",cpu:"0-"}},enableReaderRBAC:"44-",externalIstiod:"0-",hub:"0-",imagePullPolicy:"0-",imagePullSecrets:"0-",ipFamilies:"19-",ipFamilyPolicy:"19-",istioNamespace:"0-",istiod:{"":"0-",enableAnalysis:"0-"},jwtPolicy:"0-10",logAsJson:"0-",logging:{"":"0-",level:"0-"},meshID:"0-",meshNetworks:"0-",mountMtlsCerts:"0-",multiCluster:{"":"0-",clusterName:"0-",enabled:"0-33"},nativeNftables:"34-",network:"0-",networkPolicy:{"":"37-",enabled:"37-"},omitSidecarInjectorConfigMap:"0-",oneNamespace:"0-10",operatorManageWebhooks:"0-",pilotCertProvider:"0-",platform:"0-",priorityClassName:"0-",profile:"24-",proxy:{"":"0-",autoInject:"0-",capNetBindService:"0-",clusterDomain:"0-",componentLogLevel:"0-",enableCoreDump:"0-18",excludeIPRanges:"0-",excludeInboundPorts:"0-",excludeOutboundPorts:"0-",holdApplicationUntilProxyStarts:"0-",image:"0-",includeIPRanges:"0-",includeInboundPorts:"0-",includeOutboundPorts:"0-",lifecycle:"0-",logLevel:"0-",outlierLogPath:"14-",privileged:"0-",readinessFailureThreshold:"0-",readinessInitialDelaySeconds:"0-",readinessPeriodSeconds:"0-",resources:{"":"0-",limits:{"":"0-",cpu:"0-",memory:"0-"},requests:{"":"0-",cpu:"0-",memory:"0-"}},seccompProfile:"37-",startupProbe:{"":"0-",enabled:"0-",failureThreshold:"0-"},statusPort:"0-",tracer:"0-",variant:"0-"},proxy_init:{"":"0-",forceApplyIptables:"19-",image:"0-"},readerServiceAccount:{"":"47-",name:"47-",namespace:"47-"},remotePilotAddress:"0-",resourceScope:"37-",sds:{"":"0-",token:{"":"0-",aud:"0-"}},sts:{"":"0-",servicePort:"0-"},tag:"0-",tracer:{"":"0-",datadog:{"":"0-",address:"0-"},lightstep:{"":"0-",accessToken:"0-",address:"0-"},stackdriver:{"":"0-",debug:"0-",maxNumberOfAnnotations:"0-",maxNumberOfAttributes:"0-",maxNumberOfMessageEvents:"0-"},zipkin:{"":"0-",address:"0-"}},trustBundleName:"32-",trustDomain:"0-",variant:"0-",waypoint:{"":"19-",affinity:"19-",nodeSelector:"19-",resources:{"":"19-",limits:{"":"19-",cpu:"19-",memory:"19-"},requests:{"":"19-",cpu:"19-",memory:"19-"}},tolerations:"19-",topologySpreadConstraints:"19-"}},hub:"19-",image:"19-",initContainers:"19-",ipFamilies:"19-",ipFamilyPolicy:"19-",istio_cni:{"":"0-18",chained:"0-18",enabled:"0-18",provider:"11-18"},istiodRemote:{"":"0-",enabled:"19-",enabledLocalInjectorIstiod:"34-",injectionCABundle:"11-",injectionPath:"0-",injectionURL:"0-"},jwksResolverExtraRootCA:"19-",keepaliveMaxServerConnectionAge:"19-",memory:{"":"19-",targetAverageUtilization:"19-"},meshConfig:{"":"0-",defaultConfig:{"":"0-23",tracing:"0-23"},defaultProviders:"0-",enablePrometheusMerge:"0-",rootNamespace:"0-"},nodeSelector:"19-",ownerName:"0-",pdb:{"":"34-",maxUnavailable:"34-",minAvailable:"34-",unhealthyPodEvictionPolicy:"34-"},pilot:{"":"0-",affinity:"0-18",autoscaleBehavior:"0-18",autoscaleEnabled:"0-18",autoscaleMax:"0-18",autoscaleMin:"0-18",cni:{"":"11-",enabled:"11-",provider:"11-"},configMap:"0-18",configSource:{"":"0-13",subscribedResources:"0-13"},cpu:{"":"0-18",targetAverageUtilization:"0-18"},crlConfigMapName:"41-",deploymentLabels:"0-18",enabled:"0-18",env:{"":"0-18,28-",CA_TRUSTED_NODE_ACCOUNTS:"14-18",ENABLE_CLUSTER_TRUST_BUNDLE_API:"28-",EXTERNAL_CA:"0-18",EXTERNAL_ISTIOD:"14-18",MCS_API_GROUP:"0-18",PILOT_ENABLE_GATEWAY_API_DEPLOYMENT_CONTROLLER:"0-18"},extraContainerArgs:"0-18",hub:"0-18",image:"0-18",ipFamilies:"0-18",ipFamilyPolicy:"0-18",jwksResolverExtraRootCA:"0-18",keepaliveMaxServerConnectionAge:"0-18",memory:{"":"6-18",targetAverageUtilization:"6-18"},nodeSelector:"0-18",plugins:"0-10",podAnnotations:"0-18",podLabels:"0-18",replicaCount:"0-18",resources:{"":"0-18",requests:{"":"0-18",cpu:"0-18",memory:"0-18"}},rollingMaxSurge:"0-18",rollingMaxUnavailable:"0-18",seccompProfile:"0-18",serviceAccountAnnotations:"11-18",serviceAnnotations:"0-18",tag:"0-18",taint:{"":"11-18",enabled:"11-18",namespace:"11-18"},tolerations:"0-18",topologySpreadConstraints:"0-18",traceSampling:"0-18",trustedZtunnelNamespace:"14-18",variant:"0-18",volumeMounts:"0-18",volumes:"0-18"},platform:"19-",podAnnotations:"19-",podLabels:"19-",profile:{"":"6-",yaml:"6-23"},replicaCount:"19-",resources:{"":"19-",requests:{"":"19-",cpu:"19-",memory:"19-"}},revision:"0-",revisionTags:"0-",rollingMaxSurge:"19-",rollingMaxUnavailable:"19-",seccompProfile:"19-",serviceAccountAnnotations:"19-",serviceAnnotations:"19-",sidecarInjectorWebhook:{"":"0-",alwaysInjectSelector:"0-",defaultTemplates:"0-",enableNamespacesByDefault:"0-",injectedAnnotations:"0-",neverInjectSelector:"0-",reinvocationPolicy:"0-",rewriteAppHTTPProbe:"0-",templates:{"":"0-",agentgateway:"41-",gateway:"0-",sidecar:"0-",waypoint:"0-"}},sidecarInjectorWebhookAnnotations:"19-",tag:"19-",taint:{"":"19-",enabled:"19-",name:"46-",namespace:"19-"},telemetry:{"":"0-",enabled:"0-",v2:{"":"0-",accessLogPolicy:{"":"0-5",enabled:"0-5",logWindowDuration:"0-5"},enabled:"0-",metadataExchange:{"":"0-5",wasmEnabled:"0-5"},prometheus:{"":"0-",configOverride:{"":"0-5",gateway:"0-5",inboundSidecar:"0-5",outboundSidecar:"0-5"},enabled:"0-",wasmEnabled:"0-5"},stackdriver:{"":"0-",configOverride:"0-5",disableOutbound:"0-5",enabled:"0-",inboundAccessLogging:"0-5",logging:"0-5",monitoring:"0-5",outboundAccessLogging:"0-5",topology:"0-5"}}},terminationMessagePolicy:"47-",tolerations:"19-",topologySpreadConstraints:"19-",traceSampling:"19-",trafficDistribution:"34-",trustedZtunnelName:"25-",trustedZtunnelNamespace:"19-",variant:"19-",volumeMounts:"19-",volumes:"19-"},open:{_original:"28-",affinity:"19-",autoscaleBehavior:"19-",deploymentAnnotations:"34-",deploymentLabels:"19-",env:"19-","env.PILOT_ENABLE_GATEWAY_API_DEPLOYMENT_CONTROLLER":"19-",envVarFrom:"28-",extraContainerArgs:"19-",gatewayClasses:"28-","gateways.seccompProfile":"14-","gateways.securityContext":"5,10,12-","global.certSigners":"0-","global.defaultResources":"0-","global.imagePullSecrets":"0-","global.ipFamilies":"19-","global.meshNetworks":"0-","global.proxy.lifecycle":"0-","global.proxy.resources":"0-","global.proxy.seccompProfile":"37-","global.waypoint.affinity":"19-","global.waypoint.nodeSelector":"19-","global.waypoint.resources":"19-","global.waypoint.tolerations":"19-","global.waypoint.topologySpreadConstraints":"19-",initContainers:"19-",ipFamilies:"19-",memory:"19-",meshConfig:"0-","meshConfig.defaultConfig.tracing":"0-23",nodeSelector:"19-","pilot.affinity":"0-18","pilot.autoscaleBehavior":"0-18","pilot.deploymentLabels":"0-18","pilot.env":"0-18","pilot.env.PILOT_ENABLE_GATEWAY_API_DEPLOYMENT_CONTROLLER":"0-18","pilot.extraContainerArgs":"0-18","pilot.ipFamilies":"0-18","pilot.memory":"6-18","pilot.nodeSelector":"0-18","pilot.podAnnotations":"0-18","pilot.podLabels":"0-18","pilot.resources":"0-18","pilot.seccompProfile":"0-18","pilot.serviceAccountAnnotations":"11-18","pilot.serviceAnnotations":"0-18","pilot.tolerations":"0-18","pilot.topologySpreadConstraints":"0-18","pilot.volumeMounts":"0-18","pilot.volumes":"0-18",podAnnotations:"19-",podLabels:"19-",resources:"19-",revisionTags:"0-",seccompProfile:"19-",serviceAccountAnnotations:"19-",serviceAnnotations:"19-","sidecarInjectorWebhook.alwaysInjectSelector":"0-","sidecarInjectorWebhook.defaultTemplates":"0-","sidecarInjectorWebhook.injectedAnnotations":"0-","sidecarInjectorWebhook.neverInjectSelector":"0-","sidecarInjectorWebhook.templates":"0-",sidecarInjectorWebhookAnnotations:"19-","telemetry.v2.prometheus.configOverride.gateway":"0-5","telemetry.v2.prometheus.configOverride.inboundSidecar":"0-5","telemetry.v2.prometheus.configOverride.outboundSidecar":"0-5","telemetry.v2.stackdriver.configOverride":"0-5",tolerations:"19-",topologySpreadConstraints:"19-",volumeMounts:"19-",volumes:"19-"},wrapper:{_internal_defaults_do_not_set:"19-",defaults:"6-18"},descope:{pilot:"19-"},flattenGlobal:"",fail:{defaults:"19-","global.tracer.stackdriver.debug":"19-","global.tracer.stackdriver.maxNumberOfAnnotations":"19-","global.tracer.stackdriver.maxNumberOfAttributes":"19-","global.tracer.stackdriver.maxNumberOfMessageEvents":"19-","meshConfig.defaultConfig.tracing.stackdriver.debug":"19-","meshConfig.defaultConfig.tracing.stackdriver.maxNumberOfAnnotations":"19-","meshConfig.defaultConfig.tracing.stackdriver.maxNumberOfAttributes":"19-","meshConfig.defaultConfig.tracing.stackdriver.maxNumberOfMessageEvents":"19-","telemetry.v2.prometheus.configOverride":"6-","telemetry.v2.stackdriver.disableOutbound":"6-"},moved:{"global.certificates":"meshConfig.certificates","global.enableTracing":"meshConfig.enableTracing","global.localityLbSetting":"meshConfig.localityLbSetting","global.meshExpansion.enabled":"Gateway and other Istio networking resources, such as in samples/multicluster/","global.mtls.auto":"meshConfig.enableAutoMtls","global.mtls.enabled":"the PeerAuthentication resource","global.outboundTrafficPolicy":"meshConfig.outboundTrafficPolicy","global.policyCheckFailOpen":"meshConfig.policyCheckFailOpen","global.proxy.accessLogFile":"meshConfig.accessLogFile","global.proxy.accessLogFormat":"meshConfig.accessLogFormat","global.proxy.concurrency":"meshConfig.defaultConfig.concurrency","global.proxy.envoyAccessLogService":"meshConfig.defaultConfig.envoyAccessLogService","global.proxy.envoyAccessLogService.enabled":"meshConfig.enableEnvoyAccessLogService","global.proxy.envoyMetricsService":"meshConfig.defaultConfig.envoyMetricsService","global.proxy.holdApplicationUntilProxyStarts":"meshConfig.defaultConfig.holdApplicationUntilProxyStarts","global.proxy.protocolDetectionTimeout":"meshConfig.protocolDetectionTimeout","global.tracer.datadog.address":"meshConfig.defaultConfig.tracing.datadog.address","global.tracer.lightstep.accessToken":"meshConfig.defaultConfig.tracing.lightstep.accessToken","global.tracer.lightstep.address":"meshConfig.defaultConfig.tracing.lightstep.address","global.tracer.stackdriver.debug":"meshConfig.defaultConfig.tracing.stackdriver.debug","global.tracer.stackdriver.maxNumberOfAnnotations":"meshConfig.defaultConfig.tracing.stackdriver.maxNumberOfAnnotations","global.tracer.stackdriver.maxNumberOfAttributes":"meshConfig.defaultConfig.tracing.stackdriver.maxNumberOfAttributes","global.tracer.stackdriver.maxNumberOfMessageEvents":"meshConfig.defaultConfig.tracing.stackdriver.maxNumberOfMessageEvents","global.tracer.zipkin.address":"meshConfig.defaultConfig.tracing.zipkin.address","istiocoredns.enabled":"the in-proxy DNS capturing (ISTIO_META_DNS_CAPTURE)","meshConfig.defaultConfig.tracing.stackdriver.debug":"Istio supported tracers","meshConfig.defaultConfig.tracing.stackdriver.maxNumberOfAnnotations":"Istio supported tracers","meshConfig.defaultConfig.tracing.stackdriver.maxNumberOfAttributes":"Istio supported tracers","meshConfig.defaultConfig.tracing.stackdriver.maxNumberOfMessageEvents":"Istio supported tracers","pilot.ingress":"meshConfig.ingressService, meshConfig.ingressControllerMode, and meshConfig.ingressClass"}},base:{tags:["1.20.0","1.20.1","1.20.2","1.20.4","1.20.7","1.21.0","1.21.3","1.22.0","1.22.2","1.22.4","1.23.0","1.23.1","1.23.6","1.24.0","1.24.3","1.24.4","1.25.0","1.25.1","1.26.0","1.27.0","1.28.0","1.28.2","1.28.6","1.29.0","1.29.2","1.29.3","1.30.0-rc.0","1.30.0","1.30.1","1.30.2","1.31.0-rc.0"],reads:{base:{"":"0-",enableCRDTemplates:"0-",enableIstioConfigCRDs:"0-",excludedCRDs:"13-",validateGateway:"0-4",validationCABundle:"7-",validationFailurePolicy:"22,24-",validationURL:"0-"},compatibilityVersion:{"":"5-",yaml:"5-"},defaultRevision:"0-",experimental:{"":"7-",stableValidationPolicy:"7-"},global:{"":"0-",configValidation:"0-6",enableReaderRBAC:"26-",externalIstiod:"0-12",imagePullSecrets:"0-",ipFamilies:"0-12",ipFamilyPolicy:"0-12",istioNamespace:"0-",istiod:{"":"0-6",enableAnalysis:"0-6"},platform:"0-",profile:"16-",readerServiceAccount:{"":"30-",name:"30-"},remotePilotAddress:"0-12",resourceScope:"20-"},meshConfig:"0-",pilot:{"":"0-12",enabled:"0-12"},platform:"16-",profile:{"":"5-",yaml:"5-15"},revision:"3-12"},open:{"global.imagePullSecrets":"0-","global.ipFamilies":"0-12",meshConfig:"0-"},wrapper:{_internal_defaults_do_not_set:"13-",defaults:"5-12"},descope:{},flattenGlobal:"",fail:{defaults:"13-"},moved:{}},cni:{tags:["1.20.0","1.20.1","1.20.2","1.21.0","1.21.3","1.22.0","1.22.2","1.22.4","1.23.0","1.23.1","1.23.3","1.23.4","1.23.6","1.24.0","1.24.1","1.24.2","1.24.3","1.24.5","1.25.0","1.25.2","1.26.0","1.27.0","1.28.0","1.28.4","1.28.6","1.29.0","1.29.1","1.30.0","1.31.0-rc.0"],reads:{affinity:"13-",ambient:{"":"13-",configDir:"13-",dnsCapture:"13-",enableAmbientDetectionRetry:"23-",enabled:"13-",enablementSelectors:"21-",ipv6:"13-",reconcileIptablesOnStartup:"18-",shareHostNetworkNamespace:"20-"},chained:"13-",cni:{"":"0-12",affinity:"0-12",ambient:{"":"0-12",configDir:"0-12",dnsCapture:"3-12",enabled:"0-12",ipv6:"8-12",redirectMode:"0-2"},chained:"0-12",cniBinDir:"0-12",cniConfDir:"0-12",cniConfFileName:"0-12",cniNetnsDir:"0-12",env:"11-12",excludeNamespaces:"0-12",hub:"0-12",image:"0-12",logLevel:"0-7",logging:{"":"8-12",level:"8-12"},podAnnotations:"0-12",privileged:"0-4",provider:"0-12",psp_cluster_role:"0-2",pullPolicy:"0-12",repair:{"":"0-12",brokenPodLabelKey:"0-12",brokenPodLabelValue:"0-12",deletePods:"0-12",enabled:"0-12",hub:"0-12",initContainerName:"0-12",labelPods:"0-12",repairPods:"1-12",tag:"0-12"},resourceQuotas:{"":"0-12",enabled:"0-12",pods:"0-12"},resources:{"":"0-12",requests:{"":"0-12",cpu:"0-12",memory:"0-12"}},rollingMaxUnavailable:"0-12",seccompProfile:"0-12",tag:"0-12",variant:"0-12"},cniBinDir:"13-",cniConfDir:"13-",cniConfFileName:"13-",cniNetnsDir:"0-2,13-",compatibilityVersion:{"":"3-",yaml:"3-"},daemonSetLabels:"22-",env:"11-",excludeNamespaces:"13-",global:{"":"0-",defaultResources:{"":"0-",requests:{"":"0-",cpu:"0-",memory:"0-"}},hub:"0-",imagePullPolicy:"0-",imagePullSecrets:"0-",logAsJson:"0-",logging:{"":"0-",level:"0-"},nativeNftables:"21-",networkPolicy:{"":"25-",enabled:"25-"},platform:"13-",profile:"18-",resourceScope:"22-",tag:"0-",variant:"0-"},hub:"13-",image:"13-",istioOwnedCNIConfig:"21-",istioOwnedCNIConfigFileName:"21-",logging:{"":"13-",level:"13-"},meshConfig:"0-",ownerName:"0-",platform:"4-",podAnnotations:"13-",podLabels:"22-",profile:{"":"3-",yaml:"3-17"},provider:"13-",pullPolicy:"13-",repair:{"":"13-",brokenPodLabelKey:"13-",brokenPodLabelValue:"13-",deletePods:"13-",enabled:"13-",hub:"13-",initContainerName:"13-",labelPods:"13-",repairPods:"13-",tag:"13-"},resourceQuotas:{"":"13-",enabled:"13-",pods:"13-"},resources:{"":"13-",requests:{"":"13-",cpu:"13-",memory:"13-"}},revision:"0-",rollingMaxUnavailable:"13-19",seLinuxOptions:"13-",seccompProfile:"13-",tag:"13-",terminationGracePeriodSeconds:"25-",tolerations:"21-",updateStrategy:{"":"20-",rollingUpdate:{"":"20-",maxUnavailable:"20-"},type:"20-"},useAppArmorAnnotation:"27-",variant:"13-"},open:{affinity:"13-","ambient.enablementSelectors":"21-","cni.affinity":"0-12","cni.env":"11-12","cni.excludeNamespaces":"0-12","cni.podAnnotations":"0-12","cni.resources":"0-12","cni.seccompProfile":"0-12",daemonSetLabels:"22-",env:"11-",excludeNamespaces:"13-","global.defaultResources":"0-","global.imagePullSecrets":"0-",meshConfig:"0-",podAnnotations:"13-",podLabels:"22-",resources:"13-",seLinuxOptions:"13-",seccompProfile:"13-",tolerations:"21-",updateStrategy:"20-"},wrapper:{_internal_defaults_do_not_set:"13-",defaults:"3-12"},descope:{cni:"13-"},flattenGlobal:"",fail:{defaults:"13-"},moved:{}},ztunnel:{tags:["1.20.0","1.21.0","1.21.3","1.22.0","1.22.1","1.22.2","1.22.4","1.23.0","1.23.1","1.24.0","1.24.3","1.25.0","1.25.1","1.26.0","1.27.0","1.27.2","1.28.0","1.28.6","1.29.0","1.29.1","1.30.0","1.31.0-rc.0"],reads:{affinity:"7-",annotations:"0-",caAddress:"0-",compatibilityVersion:{"":"1-",yaml:"1-"},dnsConfig:"20-",dnsPolicy:"20-",env:{"":"0-",ENABLE_CLUSTER_TRUST_BUNDLE_API:"13-"},global:{"":"9-",network:"14",networkPolicy:{"":"18-",enabled:"18-"},platform:"9-",profile:"11-",trustBundleName:"14"},hub:"0-",image:"0-",imagePullPolicy:"0-",imagePullSecrets:"0-",istioNamespace:"0-",labels:"0-",logAsJson:"9-",logLevel:"1-",meshConfig:{"":"0-",defaultConfig:{"":"0-",proxyMetadata:"0-"}},multiCluster:{"":"0-",clusterName:"0-"},network:"15-",nodeSelector:"7-",ownerName:"3-",peerCaCrl:{"":"18-",enabled:"18-"},platform:"3-",podAnnotations:{"":"0-",prometheus:{"":"0-","io/port":"0-","io/scrape":"0-"}},podLabels:"0-",profile:{"":"1-",yaml:"1-10"},redirectMode:"0",resourceName:"11-",resourceQuotas:{"":"13-",enabled:"13-",pods:"13-"},resourceScope:"16-",resources:{"":"0-",limits:{"":"21-",cpu:"21-"},requests:{"":"0-",cpu:"0-",memory:"0-"}},revision:"0-",seLinuxOptions:"1-",tag:"0-",terminationGracePeriodSeconds:"0-",tolerations:"14-",trustBundleName:"14-",updateStrategy:{"":"13-",rollingUpdate:{"":"13-",maxSurge:"13-",maxUnavailable:"13-"},type:"13-"},variant:"0-",volumeMounts:"0-",volumes:"0-",xdsAddress:"7-"},open:{affinity:"7-",annotations:"0-",dnsConfig:"20-",env:"0-",imagePullSecrets:"0-",labels:"0-",meshConfig:"0-","meshConfig.defaultConfig.proxyMetadata":"0-",nodeSelector:"7-",podAnnotations:"0-",podLabels:"0-",resources:"0-",seLinuxOptions:"1-",tolerations:"14-",updateStrategy:"13-",volumeMounts:"0-",volumes:"0-"},wrapper:{_internal_defaults_do_not_set:"9-",defaults:"1-8"},descope:{},flattenGlobal:"6-",fail:{defaults:"9-"},moved:{}},gateway:{tags:["1.20.0","1.20.2","1.20.7","1.21.0","1.21.3","1.21.4","1.22.0","1.22.2","1.22.4","1.23.0","1.23.1","1.24.0","1.24.3","1.25.0","1.25.5","1.26.0","1.26.4","1.27.0","1.27.1","1.27.6","1.28.0","1.28.3","1.28.6","1.29.0","1.29.1","1.30.0","1.31.0-rc.0"],reads:{additionalContainers:"17-",affinity:"0-",annotations:"0-",autoscaling:{"":"0-",autoscaleBehavior:"1-",enabled:"0-",maxReplicas:"0-",minReplicas:"0-",targetCPUUtilizationPercentage:"0-",targetMemoryUtilizationPercentage:"3-"},compatibilityVersion:{"":"3-",yaml:"3-"},containerSecurityContext:"0-",dnsConfig:"26-",dnsPolicy:"26-",env:"0-",envVarFrom:"17-",global:{"":"11-",networkPolicy:{"":"20-",enabled:"20-"},platform:"11-",profile:"13-"},imagePullPolicy:"0-",imagePullSecrets:"0-",initContainers:"17-",kind:"0-",labels:{"":"0-",app:"0-",istio:{"":"0-","io/dataplane-mode":"13-"}},lifecycle:"17-",meshConfig:"0-",minReadySeconds:"11-",name:"0-",networkGateway:"0-",networkGatewayPorts:{"":"25-","status-port":{"":"25-",port:"25-",targetPort:"25-"},tls:{"":"25-",port:"25-",targetPort:"25-"},"tls-istiod":{"":"25-",port:"25-",targetPort:"25-"},"tls-webhook":{"":"25-",port:"25-",targetPort:"25-"}},nodeSelector:"0-",ownerName:"20-",platform:"4-",podAnnotations:{"":"0-",inject:{"":"0-",istio:{"":"0-","io/templates":"0-"}},prometheus:{"":"0-","io/path":"0-","io/port":"0-","io/scrape":"0-"},sidecar:{"":"0-",istio:{"":"0-","io/inject":"0-"}}},podDisruptionBudget:"0-",priorityClassName:"0-",profile:{"":"3-",yaml:"3-12"},rbac:{"":"0-",enabled:"0-"},readinessProbe:"11-",replicaCount:"0-",resources:{"":"0-",limits:{"":"0-",cpu:"0-",memory:"0-"},requests:{"":"0-",cpu:"0-",memory:"0-"}},revision:"0-",securityContext:"0-",service:{"":"0-",allocateLoadBalancerNodePorts:"3-",annotations:"0-",clusterIP:"20-",externalIPs:"0-",externalTrafficPolicy:"0-",healthCheckNodePort:"26-",internalTrafficPolicy:"20-",ipFamilies:"0-",ipFamilyPolicy:"0-",loadBalancerClass:"15-",loadBalancerIP:"0-",loadBalancerSourceRanges:"0-",ports:"0-",selectorLabels:"19,21-",type:"0-"},serviceAccount:{"":"0-",annotations:"0-",create:"0-",name:"0-"},strategy:"11-",terminationGracePeriodSeconds:"0-",tolerations:"0-",topologySpreadConstraints:"0-",volumeMounts:"0-",volumes:"0-"},open:{_internal_defaults_do_not_set:"14,16,18-",additionalContainers:"17-",affinity:"0-",annotations:"0-","autoscaling.autoscaleBehavior":"1-","autoscaling.targetMemoryUtilizationPercentage":"3-",containerSecurityContext:"0-",dnsConfig:"26-",env:"0-",envVarFrom:"17-",global:"0-10",imagePullSecrets:"0-",initContainers:"17-",labels:"0-","labels.app":"9-","labels.istio":"9-",lifecycle:"17-",meshConfig:"0-",minReadySeconds:"11-",networkGatewayPorts:"25-",nodeSelector:"0-",pilot:"14,16,18-",podAnnotations:"0-",podDisruptionBudget:"0-",readinessProbe:"11-",replicaCount:"0-14",resources:"0-",securityContext:"0-","service.annotations":"0-","service.externalIPs":"0-","service.healthCheckNodePort":"26-","service.internalTrafficPolicy":"20-","service.ipFamilies":"0-","service.loadBalancerSourceRanges":"0-","service.ports":"0-","service.selectorLabels":"19,21-","serviceAccount.annotations":"0-",strategy:"11-",tolerations:"0-",topologySpreadConstraints:"0-",volumeMounts:"0-",volumes:"0-"},wrapper:{_internal_defaults_do_not_set:"11-",defaults:"3-10"},descope:{},flattenGlobal:"12-",fail:{defaults:"11-"},moved:{},schemaClosed:"0-2,14,16,18-",schemaAllowed:{_internal_defaults_do_not_set:"14,16,18-",additionalContainers:"14,16,18-",affinity:"0-2,14,16,18-",annotations:"0-2,14,16,18-",autoscaling:"0-2,14,16,18-",compatibilityVersion:"14,16,18-",containerSecurityContext:"0-2,14,16,18-",defaultRevision:"14,16,18-",dnsConfig:"26-",dnsPolicy:"26-",enabled:"23-",env:"0-2,14,16,18-",envVarFrom:"14,16,18-",global:"0-2,14,16,18-",imagePullPolicy:"0-2,14,16,18-",imagePullSecrets:"0-2,14,16,18-",initContainers:"14,16,18-",kind:"0-2,14,16,18-",labels:"0-2,14,16,18-",lifecycle:"18-",minReadySeconds:"14,16,18-",name:"0-2,14,16,18-",networkGateway:"0-2,14,16,18-",networkGatewayPorts:"25-",nodeSelector:"0-2,14,16,18-",pilot:"14,16,18-",platform:"14,16,18-",podAnnotations:"0-2,14,16,18-",podDisruptionBudget:"0-2,14,16,18-",priorityClassName:"0-2,14,16,18-",profile:"14,16,18-",rbac:"0-2,14,16,18-",readinessProbe:"14,16,18-",replicaCount:"0-2,14,16,18-",resources:"0-2,14,16,18-",revision:"0-2,14,16,18-",runAsRoot:"0-2,14,16,18-",securityContext:"0-2,14,16,18-",service:"0-2,14,16,18-",serviceAccount:"0-2,14,16,18-",strategy:"14,16,18-",terminationGracePeriodSeconds:"0-2,14,16,18-",tolerations:"0-2,14,16,18-",topologySpreadConstraints:"0-2,14,16,18-",unprivilegedPort:"0-2,14,16,18-",volumeMounts:"0-2,14,16,18-",volumes:"0-2,14,16,18-"}}};var INDEX = {format:format,charts:charts};

const CHART_VALUES_INDEX = INDEX;
/** Index intervals "0-3,7-" → membership test. */
function parseRanges(text) {
    if (!text)
        return () => false;
    const parts = text.split(',').map((p) => {
        const dash = p.indexOf('-');
        if (dash < 0)
            return [Number(p), Number(p)];
        const end = p.slice(dash + 1);
        return [Number(p.slice(0, dash)), end === '' ? Infinity : Number(end)];
    });
    return (i) => parts.some(([a, b]) => i >= a && i <= b);
}
/** Compiled knowledge of one chart across its versions. */
class ChartKnowledge {
    name;
    tags;
    root;
    open;
    wrapper;
    descope;
    flattenGlobal;
    fail;
    moved;
    schemaClosed;
    schemaAllowed;
    hasSchema;
    constructor(name, data) {
        this.name = name;
        this.tags = data.tags;
        const build = (tree) => {
            if (typeof tree === 'string')
                return { read: parseRanges(tree), children: new Map() };
            const node = { read: parseRanges(typeof tree[''] === 'string' ? tree[''] : undefined), children: new Map() };
            for (const [k, v] of Object.entries(tree))
                if (k !== '')
                    node.children.set(k, build(v));
            return node;
        };
        this.root = build(data.reads);
        this.root.read = () => true;
        this.open = new Map(Object.entries(data.open).map(([k, v]) => [k, parseRanges(v)]));
        this.wrapper = Object.entries(data.wrapper).map(([k, v]) => [k, parseRanges(v)]);
        this.descope = Object.entries(data.descope).map(([k, v]) => [k, parseRanges(v)]);
        this.flattenGlobal = parseRanges(data.flattenGlobal);
        this.fail = new Map(Object.entries(data.fail).map(([k, v]) => [k, parseRanges(v)]));
        this.moved = new Map(Object.entries(data.moved));
        this.hasSchema = data.schemaClosed !== undefined;
        this.schemaClosed = parseRanges(data.schemaClosed);
        this.schemaAllowed = new Map(Object.entries(data.schemaAllowed ?? {}).map(([k, v]) => [k, parseRanges(v)]));
    }
    /**
     * The chart version that a target release installs: the newest tag at or below the target (a bare minor
     * means its newest patch). A pre-release of a minor with no tag of its own reads as that minor's first tag.
     */
    versionFor(target) {
        let best;
        for (let i = 0; i < this.tags.length; i++) {
            const t = parseTag(this.tags[i]);
            if (compareTag(t, target) <= 0)
                best = i;
        }
        if (target.pre !== undefined) {
            const sameMinor = this.tags.findIndex((t) => parseTag(t).minor === target.minorNumber && parseTag(t).major === target.major);
            if (sameMinor >= 0 && (best === undefined || parseTag(this.tags[best]).minor !== target.minorNumber))
                best = sameMinor;
        }
        return best;
    }
    node(path) {
        let node = this.root;
        for (const k of path) {
            node = node.children.get(k);
            if (!node)
                return undefined;
        }
        return node;
    }
    /** The paths the user path stands for at version i (wrappers removed, descoped and flattened prefixes). */
    candidates(path, i) {
        if (path.length === 0)
            return [[]];
        for (const [w, at] of this.wrapper)
            if (path[0] === w && at(i))
                return this.candidates(path.slice(1), i);
        const out = [[...path]];
        for (const [d, at] of this.descope)
            if (path[0] === d && at(i))
                out.push(path.slice(1));
        if (path[0] === 'global' && this.flattenGlobal(i))
            out.push(path.slice(1));
        return out;
    }
    /** Whether the path is, or lies below, a subtree the version takes as a whole. */
    openAt(path, i) {
        for (let n = 1; n <= path.length; n++)
            if (this.open.get(path.slice(0, n).join('.'))?.(i))
                return true;
        return false;
    }
    /**
     * What version i does with a user path: `fail` (the chart refuses to render), `open` (inside a free-form
     * subtree), `read` (with `more` when it has known children), `wrapper` (a wrapper key: look inside), `ignored`.
     */
    status(path, i) {
        if (path.length === 1 && this.wrapper.some(([w, at]) => w === path[0] && at(i)))
            return { kind: 'wrapper' };
        if (this.fail.get(path.join('.'))?.(i))
            return { kind: 'fail' };
        let read = false;
        let more = false;
        for (const c of this.candidates(path, i)) {
            if (c.length === 0)
                return { kind: 'wrapper' };
            if (this.openAt(c, i))
                return { kind: 'open' };
            const node = this.node(c);
            if (node?.read(i)) {
                read = true;
                for (const child of node.children.values())
                    if (child.read(i))
                        more = true;
            }
        }
        return read ? { kind: 'read', more } : { kind: 'ignored' };
    }
    /** Whether any version reads the path (or takes a subtree holding it). */
    readAt(path, i) {
        const s = this.status(path, i).kind;
        return s === 'read' || s === 'open' || s === 'wrapper';
    }
    /** The first version after i that reads the path, and the last one before i that did. */
    around(path, i) {
        let later;
        let earlier;
        for (let j = i + 1; j < this.tags.length && later === undefined; j++)
            if (this.readAt(path, j))
                later = this.tags[j];
        for (let j = i - 1; j >= 0 && earlier === undefined; j--)
            if (this.readAt(path, j))
                earlier = this.tags[j];
        return { ...(later ? { later } : {}), ...(earlier ? { earlier } : {}) };
    }
    /** Whether any version of the chart reads this top-level key. */
    knowsTopLevel(key) {
        return this.tags.some((_, i) => this.readAt([key], i));
    }
    /** Keys read at version i next to the last step of `path` (for "did you mean"). */
    siblings(path, i) {
        const out = new Set();
        for (const c of this.candidates(path, i)) {
            const parent = this.node(c.slice(0, -1));
            if (!parent)
                continue;
            for (const [k, child] of parent.children)
                if (child.read(i))
                    out.add(k);
        }
        return [...out];
    }
    /** Whether some version's values schema lists the top-level key (an accepted key, read or not). */
    schemaDeclares(key) {
        const allowed = this.schemaAllowed.get(key);
        return allowed !== undefined && this.tags.some((_, i) => allowed(i));
    }
    /** Gateway chart: whether the values schema of version i refuses the top-level key (Helm stops the install). */
    schemaRefuses(key, i) {
        if (!this.schemaClosed(i))
            return false;
        return !(this.schemaAllowed.get(key)?.(i) ?? false);
    }
}
function parseTag(tag) {
    const m = /^(\d+)\.(\d+)\.(\d+)(?:-(.+))?$/.exec(tag);
    if (!m)
        throw new Error(`bad chart tag ${tag}`);
    return { major: Number(m[1]), minor: Number(m[2]), patch: Number(m[3]), ...(m[4] ? { pre: m[4] } : {}) };
}
/** Orders a chart tag against a target release (a bare minor = its newest patch). */
function compareTag(t, r) {
    if (t.major !== r.major)
        return t.major - r.major;
    if (t.minor !== r.minorNumber)
        return t.minor - r.minorNumber;
    const rp = r.patch ?? Number.MAX_SAFE_INTEGER;
    if (t.patch !== rp)
        return t.patch - rp;
    if (t.pre && !r.pre)
        return -1;
    if (!t.pre && r.pre)
        return 1;
    return (t.pre ?? '').localeCompare(r.pre ?? '', 'en', { numeric: true });
}
const compiled$2 = new Map();
/** The compiled knowledge of one chart (istiod, base, cni, ztunnel, gateway), or undefined for other charts. */
function chartKnowledge(chart, index = CHART_VALUES_INDEX) {
    const data = index.charts[chart];
    if (!data)
        return undefined;
    if (index !== CHART_VALUES_INDEX)
        return new ChartKnowledge(chart, data);
    let k = compiled$2.get(chart);
    if (!k) {
        k = new ChartKnowledge(chart, data);
        compiled$2.set(chart, k);
    }
    return k;
}

// "Did you mean …?": the known word nearest to a misspelt one, for config and suppression errors.
/** Edit distance (insert, delete, substitute; one row of memory). */
function editDistance$1(a, b) {
    let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
        const row = [i];
        for (let j = 1; j <= b.length; j++) {
            row[j] = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
        }
        prev = row;
    }
    return prev[b.length];
}
/** The candidate with the smallest edit distance to `word` (first one on ties), within `maxDistance`. */
function closest(word, candidates, maxDistance = Infinity) {
    let best;
    let bestDistance = maxDistance + 1;
    for (const c of candidates) {
        const d = editDistance$1(word.toLowerCase(), c.toLowerCase());
        if (d < bestDistance) {
            best = c;
            bestDistance = d;
        }
    }
    return best;
}

const HELM_VALUE_IGNORED = 'helm-value-ignored';
const HELM_VALUE_REJECTED = 'helm-value-rejected';
const HELM_VALUE_RULES = [
    { id: HELM_VALUE_IGNORED, description: "A Helm value the target release's Istio chart does not read, so it has no effect.", defaultSeverity: 'warning', fixable: true },
    { id: HELM_VALUE_REJECTED, description: "A Helm value the target release's Istio chart refuses (closed values schema, or a key that makes the chart fail).", defaultSeverity: 'error', fixable: true }
];
/** Where each chart lives in istio/istio, for the source link of a finding. */
const CHART_DIRS = {
    istiod: 'istio-control/istio-discovery',
    base: 'base',
    cni: 'istio-cni',
    ztunnel: 'ztunnel',
    gateway: 'gateway'
};
/**
 * IstioOperator spec.values: which charts read each top-level subtree (the same paths). Others are left alone:
 * `global` also feeds the legacy ingress/egress gateway charts istioctl installs, which the index does not hold.
 */
const IOP_SUBTREES = {
    pilot: ['istiod'],
    sidecarInjectorWebhook: ['istiod'],
    telemetry: ['istiod'],
    istiodRemote: ['istiod'],
    revisionTags: ['istiod'],
    cni: ['cni', 'istiod'],
    base: ['base', 'istiod']
};
function combined(readers, path) {
    let read = false;
    let more = false;
    for (const r of readers) {
        const s = r.chart.status(path, r.index);
        if (s.kind === 'open' || s.kind === 'wrapper' || s.kind === 'fail')
            return s;
        if (s.kind === 'read') {
            read = true;
            more ||= s.more === true;
        }
    }
    return read ? { kind: 'read', more } : { kind: 'ignored' };
}
function sourceOf(chart, tag) {
    return `https://github.com/istio/istio/tree/${tag}/manifests/charts/${CHART_DIRS[chart.name]}`;
}
/** A nearby key the chart does read: same parent, small edit distance (case differences count as none). */
function suggestion(readers, path) {
    const key = path[path.length - 1];
    const candidates = new Set();
    for (const r of readers)
        for (const s of r.chart.siblings(path, r.index))
            if (s !== key)
                candidates.add(s);
    const max = key.length >= 8 ? 2 : 1;
    return closest(key, [...candidates].sort(), max);
}
function report(w, path, keyNode, valueNode, rule, severity, message, source, rename) {
    if (w.skipLines.has(keyNode.line))
        return;
    const fix = rename ? buildFix({ type: 'renameKey', to: rename }, { line: keyNode.line, keyNode }, w.lines) : undefined;
    const endLine = Math.max(keyNode.endLine, valueNode?.endLine ?? keyNode.line);
    w.out.push({
        rule,
        severity,
        message,
        file: w.doc.file,
        line: keyNode.line,
        ...(endLine > keyNode.line ? { endLine } : {}),
        ...(w.doc.resource ? { resource: w.doc.resource } : {}),
        path: formatPath([...w.tree.at, ...path]),
        ...(fix ? { fix } : {}),
        source
    });
}
function chartLabel(readers) {
    if (readers.length === 1)
        return `the ${readers[0].chart.name} chart ${readers[0].chart.tags[readers[0].index]}`;
    return `no Istio chart of the release (${readers.map((r) => `${r.chart.name} ${r.chart.tags[r.index]}`).join(', ')})`;
}
function visit(w, readers, map, prefix) {
    const node = deref(map);
    if (node?.kind !== 'map')
        return;
    for (const entry of mergedEntries(node)) {
        if (entry.key === '<complex>' || entry.key === '<<')
            continue;
        const path = [...prefix, entry.key];
        const status = combined(readers, path);
        if (status.kind === 'wrapper') {
            visit(w, readers, entry.value, path);
            continue;
        }
        if (status.kind === 'open')
            continue;
        if (status.kind === 'read') {
            if (status.more)
                visit(w, readers, entry.value, path);
            continue;
        }
        const first = readers[0];
        const dotted = path.join('.');
        if (status.kind === 'fail') {
            // istioctl renders IstioOperator values without the charts' NOTES.txt checks.
            if (w.tree.chart === 'istio-operator')
                continue;
            const tag = first.chart.tags[first.index];
            const moved = first.chart.moved.get(dotted);
            const why = path.length === 1 && entry.key === 'defaults'
                ? 'the defaults: wrapper is gone; set these keys at the top level'
                : `the value was removed${moved ? `; use ${moved}` : ''}`;
            report(w, path, entry.keyNode, entry.value, HELM_VALUE_REJECTED, 'error', `The ${first.chart.name} chart ${tag} refuses to render when ${dotted} is set (${why}), so the install or upgrade fails.`, sourceOf(first.chart, tag));
            continue;
        }
        const suggest = suggestion(readers, path);
        const rename = suggest !== undefined && suggest !== entry.key ? suggest : undefined;
        const schemaChart = readers.length === 1 && first.chart.hasSchema && path.length === 1 ? first.chart : undefined;
        const tag = first.chart.tags[first.index];
        if (schemaChart?.schemaRefuses(entry.key, first.index)) {
            report(w, path, entry.keyNode, entry.value, HELM_VALUE_REJECTED, 'error', `The values schema of the gateway chart ${tag} does not allow the top-level key ${entry.key}, so Helm refuses to install or upgrade the release${rename ? `; did you mean ${rename}?` : '.'}`, sourceOf(first.chart, tag), rename);
            continue;
        }
        // A key the schema declares but no chart version reads (`enabled`, the umbrella-chart condition) is a
        // deliberate no-op, not a mistake.
        if (schemaChart?.schemaDeclares(entry.key) && !schemaChart.knowsTopLevel(entry.key))
            continue;
        let later;
        let stopped;
        for (const r of readers) {
            const a = r.chart.around(path, r.index);
            if (a.later && (later === undefined || compareTags(a.later, later) < 0))
                later = a.later;
            if (a.earlier) {
                const next = r.chart.tags[r.chart.tags.indexOf(a.earlier) + 1];
                if (next && (stopped === undefined || compareTags(next, stopped) > 0))
                    stopped = next;
            }
        }
        const source = sourceOf(first.chart, tag);
        if (later) {
            report(w, path, entry.keyNode, entry.value, 'not-yet-available', 'warning', `Istio's ${readers.length === 1 ? `${first.chart.name} chart` : 'charts'} read ${dotted} only from ${later}; ${chartLabel(readers)} installed for Istio ${w.target.version} ignores it.`, source);
            continue;
        }
        const moved = readers.map((r) => r.chart.moved.get(dotted)).find((m) => m !== undefined);
        const parts = [`${capitalise(chartLabel(readers))} installed for Istio ${w.target.version} does not read ${dotted}, so the value is ignored.`];
        if (stopped)
            parts.push(`The chart stopped reading it in ${stopped}.`);
        if (moved)
            parts.push(`Its replacement is ${moved}.`);
        if (rename)
            parts.push(`Did you mean ${[...path.slice(0, -1), rename].join('.')}?`);
        report(w, path, entry.keyNode, entry.value, HELM_VALUE_IGNORED, 'warning', parts.join(' '), source, rename);
    }
}
function capitalise(s) {
    return s.charAt(0).toUpperCase() + s.slice(1);
}
function compareTags(a, b) {
    return a.localeCompare(b, 'en', { numeric: true });
}
/**
 * Findings on the Helm values of one document. `skipLines`: lines where a catalog entry already says something
 * about a value (its message is the more specific one).
 */
function helmValueFindings(doc, target, lines, skipLines, files = new Set()) {
    const out = [];
    for (const tree of helmTreesOf(doc)) {
        const w = { doc, tree, target, lines, skipLines, out };
        const root = deref(tree.root);
        if (root?.kind !== 'map')
            continue;
        if (tree.chart === 'istio-operator') {
            for (const entry of mergedEntries(root)) {
                const charts = IOP_SUBTREES[entry.key];
                if (!charts)
                    continue;
                const readers = readersFor(charts, target);
                if (readers.length === 0)
                    continue;
                // The subtree's own key is known; look at what is under it.
                const value = deref(entry.value);
                if (value?.kind !== 'map')
                    continue;
                const status = combined(readers, [entry.key]);
                if (status.kind !== 'wrapper' && (status.kind !== 'read' || !status.more))
                    continue;
                visit(w, readers, value, [entry.key]);
            }
            continue;
        }
        const readers = readersFor([tree.chart], target);
        if (readers.length === 0)
            continue;
        if (doc.kind === 'helm-values' && tree.at.length === 0 && !looseFileChecked(doc.file, tree.chart, readers[0].chart, root, files))
            continue;
        visit(w, readers, root, []);
    }
    return out;
}
/** Chart names as they appear in file and directory names of values files. */
const CHART_FILE_NAMES = {
    base: 'base', 'istio-base': 'base',
    istiod: 'istiod', 'istio-discovery': 'istiod', 'istiod-remote': 'istiod', 'istio-control': 'istiod',
    gateway: 'gateway', 'istio-gateway': 'gateway', 'istio-ingressgateway': 'gateway', 'istio-egressgateway': 'gateway',
    cni: 'cni', 'istio-cni': 'cni',
    ztunnel: 'ztunnel'
};
/**
 * A values file found by its name and keys, not installed by a HelmRelease/Application that names the chart, is
 * checked only when the chart is certain: its path names that chart, it is not a Helm profile (profiles hold
 * values for every chart) nor a chart's own values.yaml (next to Chart.yaml), and every top-level key is one
 * that some version of the chart reads (else it is likely an umbrella chart's or another chart's values).
 */
function looseFileChecked(file, chart, knowledge, root, files) {
    const segments = file.split('/');
    const base = segments[segments.length - 1].toLowerCase();
    if (base.startsWith('profile-') || segments.some((s) => s === 'helm-profiles'))
        return false;
    const dir = segments.slice(0, -1).join('/');
    if (files.has(dir ? `${dir}/Chart.yaml` : 'Chart.yaml'))
        return false;
    const named = segments.some((segment) => {
        const name = segment.toLowerCase().replace(/\.ya?ml$/, '').replace(/[-_.]?values$/, '').replace(/^values[-_.]?/, '');
        return CHART_FILE_NAMES[name] === chart;
    });
    if (!named)
        return false;
    const map = deref(root);
    if (map?.kind !== 'map')
        return false;
    return mergedEntries(map).every((e) => knowledge.knowsTopLevel(e.key));
}
function readersFor(charts, target) {
    const out = [];
    for (const name of charts) {
        const chart = chartKnowledge(name);
        const index = chart?.versionFor(target);
        if (chart && index !== undefined)
            out.push({ chart, index });
    }
    return out;
}

const UPGRADE_PATH_RULE = 'upgrade-path-unsupported';
const SKEW_RULE = 'data-plane-skew-unsupported';
const CANARY_SOURCE = 'https://istio.io/latest/docs/setup/upgrade/canary/#before-you-upgrade';
const IN_PLACE_SOURCE = 'https://istio.io/latest/docs/setup/upgrade/in-place/#upgrade-prerequisites';
const SKEW_SOURCE = 'https://istio.io/latest/docs/releases/supported-releases/#control-planedata-plane-skew';
function upgradePathFindings(ctx) {
    const from = ctx.from;
    if (!from || from.major !== ctx.target.major)
        return [];
    const steps = ctx.target.minorNumber - from.minorNumber;
    // Two minor releases up is supported by a canary (revision-based) upgrade; whether the repository upgrades in
    // place or by canary cannot be told reliably from the files, so only what no method supports is reported.
    if (steps <= 2 && steps >= -1)
        return [];
    // Reported on the line that pins the target release (the line a version bump changes); files that pin nothing
    // (a PR that only edits routes) say nothing about the upgrade path, so nothing is reported there.
    const pin = detectIstioVersion(ctx.files);
    let pinned;
    try {
        pinned = pin ? parseRelease(pin.version).minorNumber : undefined;
    }
    catch {
        pinned = undefined;
    }
    if (!pin || pinned !== ctx.target.minorNumber)
        return [];
    const where = { file: pin.file, line: pin.line };
    const path = `Istio ${from.version} → ${ctx.target.version}`;
    const base = { rule: UPGRADE_PATH_RULE, file: where.file, line: where.line };
    if (steps > 2) {
        const stops = [];
        for (let m = from.minorNumber + 2; m < ctx.target.minorNumber; m += 2)
            stops.push(`${from.major}.${m}`);
        return [{
                ...base,
                severity: 'warning',
                message: `${path} crosses ${steps} minor releases in one step; Istio supports at most two per canary (revision-based) upgrade and one per in-place upgrade, so upgrade through ${stops.join(', ')} first (canary) or through every minor release in between (in place), checking each step.`,
                source: `${CANARY_SOURCE} (${IN_PLACE_SOURCE})`
            }];
    }
    if (steps < -1) {
        return [{
                ...base,
                severity: 'warning',
                message: `${path} downgrades ${-steps} minor releases in one step; Istio supports downgrading at most one minor release at a time.`,
                source: IN_PLACE_SOURCE.replace('#upgrade-prerequisites', '#downgrade-prerequisites')
            }];
    }
    return [];
}
const CONTROL_PLANE = /\(chart (istiod|istio-discovery|istiod-remote)\)|^IstioOperator spec\.tag$/;
const DATA_PLANE = /\(chart (gateway|istio-gateway)\)/;
/**
 * Gateways (the data plane a repository pins) against the one control-plane release it pins. Several control-plane
 * releases (canary revisions, several clusters) make the pairing ambiguous: nothing is reported then.
 */
function skewFindings(ctx) {
    const pins = detectIstioVersions(ctx.files).filter((d) => !/compatibilityVersion|global\.tag/.test(d.how));
    const minorOf = (version) => {
        try {
            return parseRelease(version).minorNumber;
        }
        catch {
            return undefined;
        }
    };
    const control = pins.filter((p) => CONTROL_PLANE.test(p.how)).map((p) => ({ ...p, minor: minorOf(p.version) }));
    const minors = new Set(control.map((c) => c.minor));
    if (minors.size !== 1 || minors.has(undefined))
        return [];
    const cp = control[0];
    const out = [];
    for (const p of pins.filter((d) => DATA_PLANE.test(d.how))) {
        const dp = minorOf(p.version);
        if (dp === undefined)
            continue;
        const ahead = cp.minor - dp;
        if (ahead >= 0 && ahead <= 1)
            continue;
        out.push({
            rule: SKEW_RULE,
            severity: 'warning',
            file: p.file,
            line: p.line,
            message: ahead < 0
                ? `This gateway (data plane) runs Istio ${p.version}, newer than the control plane's ${cp.version} (${cp.file}:${cp.line}); Istio does not support a data plane ahead of its control plane.`
                : `This gateway (data plane) runs Istio ${p.version}, ${ahead} minor releases behind the control plane's ${cp.version} (${cp.file}:${cp.line}); Istio supports the control plane at most one minor release ahead.`,
            source: SKEW_SOURCE
        });
    }
    return out;
}

const COMPATIBILITY_RULE = 'compatibility-version-unsupported';
const CATALOG_RULES = [
    { id: 'removed-feature', description: 'The manifest uses something the target Istio release removed or stopped honouring.', defaultSeverity: 'error', fixable: true },
    { id: 'not-yet-available', description: 'The manifest uses something that only exists in a newer Istio release than the target.', defaultSeverity: 'error', fixable: true },
    { id: 'deprecated', description: 'The manifest uses something the target Istio release deprecates.', defaultSeverity: 'warning', fixable: true },
    { id: 'no-effect', description: 'An identifier Istio never reads (usually a typo copied from the release notes).', defaultSeverity: 'error', fixable: true },
    { id: 'default-changed', description: 'A default the manifest relies on changes between the release the mesh runs and the target.', defaultSeverity: 'warning' },
    { id: 'behaviour-changed', description: 'Istio behaves differently for this manifest after the upgrade to the target.', defaultSeverity: 'warning' },
    { id: COMPATIBILITY_RULE, description: 'Helm compatibilityVersion names a profile the target release does not ship.', defaultSeverity: 'error', fixable: true },
    { id: KUBERNETES_RULE, description: 'The Kubernetes version is outside the range the target Istio release supports.', defaultSeverity: 'error' },
    { id: UPGRADE_PATH_RULE, description: 'The upgrade from the running release to the target crosses more minor releases than Istio supports in one step.', defaultSeverity: 'warning' },
    { id: SKEW_RULE, description: 'A gateway (data plane) is pinned to a release the control plane release does not support: newer, or more than one minor older.', defaultSeverity: 'warning' },
    ...HELM_VALUE_RULES
];
const linesByFile = new WeakMap();
function linesOf(ctx, file) {
    let index = linesByFile.get(ctx.files);
    if (!index) {
        index = new Map(ctx.files.map((f) => [f.path, f.lines]));
        linesByFile.set(ctx.files, index);
    }
    return index.get(file) ?? [];
}
const pathsByFiles = new WeakMap();
function filePathsOf(ctx) {
    if (ctx.repositoryPaths)
        return ctx.repositoryPaths;
    let paths = pathsByFiles.get(ctx.files);
    if (!paths) {
        paths = new Set(ctx.files.map((f) => f.path));
        pathsByFiles.set(ctx.files, paths);
    }
    return paths;
}
/** `{name}` becomes the matched key, variable or path; `{value}` the matched scalar (or the name when there is none). */
function renderMessage(hit) {
    const value = hit.valueNode?.kind === 'scalar' ? hit.valueNode.text : hit.name;
    return hit.message.split('{name}').join(hit.name).split('{value}').join(value);
}
function toFinding(doc, hit, lines) {
    const line = hit.needle !== undefined && hit.valueNode ? lineHolding(hit.valueNode, hit.needle, lines) : hit.line;
    const fix = hit.fix ? buildFix(hit.fix, hit, lines) : undefined;
    const source = hit.entry.sources[0];
    return {
        rule: hit.rule,
        severity: hit.severity,
        message: renderMessage(hit),
        file: doc.file,
        line,
        ...(hit.endLine !== undefined && hit.endLine > line ? { endLine: hit.endLine } : {}),
        ...(doc.resource ? { resource: doc.resource } : {}),
        path: hit.path,
        ...(fix ? { fix } : {}),
        source: source.refs?.length ? `${source.url} (${source.refs.join(', ')})` : source.url
    };
}
/** Helm compatibilityVersion: accepted values of the target, and the YAML float trap (1.30 read as 1.3). */
function compatibilityFindings(doc, ctx, lines) {
    const plan = planFor(ctx.target, ctx.from);
    const out = [];
    for (const found of compatibilityVersionsIn(doc)) {
        const node = found.valueNode;
        const text = node?.kind === 'scalar' ? node.text : found.value;
        const base = { rule: COMPATIBILITY_RULE, file: doc.file, line: found.line, path: found.path, ...(doc.resource ? { resource: doc.resource } : {}) };
        if (node?.kind === 'scalar' && node.style === 'plain' && /^\d+\.\d+0$/.test(text)) {
            const line = lines[node.line - 1] ?? '';
            const quoted = line.replace(new RegExp(`(:\\s*)${text.replace('.', '\\.')}(?=\\s*(#.*)?$)`), `$1"${text}"`);
            const fix = quoted !== line ? { description: `Quote ${text}`, edits: [{ startLine: node.line, endLine: node.line, replacement: quoted }] } : undefined;
            out.push({ ...base, severity: 'error', message: `compatibilityVersion ${text} is unquoted, so YAML reads it as the number ${Number(text)} and Helm looks for a profile that does not exist; write "${text}".`, ...(fix ? { fix } : {}) });
            continue;
        }
        if (plan.compatibilityVersions.length === 0) {
            out.push({ ...base, severity: 'warning', message: `Istio ${ctx.target.version} has no compatibilityVersion setting (it arrived in 1.21), so ${text} is ignored.` });
        }
        else if (!plan.compatibilityVersions.includes(text)) {
            out.push({ ...base, severity: 'error', message: `Istio ${ctx.target.version} ships compatibility profiles ${plan.compatibilityVersions.join(', ')} only; compatibilityVersion ${text} makes the install fail.` });
        }
    }
    return out;
}
/**
 * IstioOperator components and addons that no release from 1.20 on has (removed with Mixer, Citadel and Galley in
 * 1.5–1.8): istioctl decodes IstioOperator strictly and rejects the file on any target. The components every
 * release 1.20–1.31 knows are base, pilot, cni, ztunnel, istiodRemote, ingressGateways and egressGateways.
 */
const REMOVED_IOP_COMPONENTS = new Set(['citadel', 'galley', 'policy', 'telemetry', 'nodeAgent', 'node_agent', 'proxy', 'sidecarInjector', 'sidecar_injector', 'security', 'configManagement', 'autoInjection', 'trafficManagement']);
const IOP_API_SOURCE = 'https://istio.io/latest/docs/reference/config/istio.operator.v1alpha1/';
function istioOperatorFindings(doc) {
    if (doc.family !== 'istio-operator' || doc.resource?.kind !== 'IstioOperator' || doc.root?.kind !== 'map')
        return [];
    const spec = entryAt(doc.root, ['spec'])?.value;
    if (spec?.kind !== 'map')
        return [];
    const out = [];
    const base = { rule: 'removed-feature', severity: 'error', file: doc.file, resource: doc.resource, source: IOP_API_SOURCE };
    for (const e of spec.entries) {
        if (e.key === 'addonComponents') {
            out.push({ ...base, line: e.keyNode.line, path: 'spec.addonComponents', message: 'IstioOperator spec.addonComponents was removed with the bundled addons (Istio 1.8); no release from 1.20 on has it, so istioctl rejects this file; install Prometheus, Grafana, Kiali and tracing from their own charts or samples/addons.' });
        }
        if (e.key === 'components' && e.value?.kind === 'map') {
            for (const c of e.value.entries) {
                if (!REMOVED_IOP_COMPONENTS.has(c.key))
                    continue;
                out.push({ ...base, line: c.keyNode.line, path: `spec.components.${c.key}`, message: `IstioOperator component ${c.key} belongs to the pre-istiod control plane (removed in Istio 1.5–1.8); no release from 1.20 on has it, so istioctl rejects this file; istiod (components.pilot) does its work.` });
            }
        }
    }
    return out;
}
const catalogAnalyzer = {
    meta: CATALOG_RULES,
    check(doc, ctx) {
        const lines = linesOf(ctx, doc.file);
        const hits = collectHits(doc, planFor(ctx.target, ctx.from), lines);
        const findings = [...hits.map((hit) => toFinding(doc, hit, lines)), ...compatibilityFindings(doc, ctx, lines), ...istioOperatorFindings(doc)];
        // Helm values the target's chart does not read; a line a catalog entry already explains is left to it.
        if (doc.embedded.some((e) => e.role === 'helm-values') || doc.kind === 'helm-values') {
            for (const f of helmValueFindings(doc, ctx.target, lines, new Set(findings.map((f) => f.line)), filePathsOf(ctx)))
                findings.push(f);
        }
        return findings;
    },
    checkRepository(ctx) {
        return [...kubernetesFindings(ctx), ...upgradePathFindings(ctx), ...skewFindings(ctx)];
    }
};

const formatVersion=1;const generatedBy="scripts/generate-schema-index.mjs";const sources={istio:"istio/crds/<dir>/istio-crds.yaml (istio/istio manifests/charts/base crd-all.gen.yaml at the tag)",gatewayApi:"gateway-api/<version>/{standard,experimental}-install.yaml (kubernetes-sigs/gateway-api config/crd at the tag)",inference:"gateway-api-inference/<version>/manifests.yaml (kubernetes-sigs/gateway-api-inference-extension config/crd at the tag)",pins:"istio/crds/SOURCES.md (go.mod of istio/istio at each tag)"};const releases=["1.20","1.21","1.22","1.23","1.24","1.25","1.26","1.27","1.28","1.29","1.30","1.31"];const pins={"1.20":{istio:"1.20.8",istioCrdFile:"manifests/charts/base/crds/crd-all.gen.yaml",gatewayApi:"v1.0.0",inference:null},"1.21":{istio:"1.21.6",istioCrdFile:"manifests/charts/base/crds/crd-all.gen.yaml",gatewayApi:"v1.0.0",inference:null},"1.22":{istio:"1.22.8",istioCrdFile:"manifests/charts/base/crds/crd-all.gen.yaml",gatewayApi:"v1.1.0",inference:null},"1.23":{istio:"1.23.6",istioCrdFile:"manifests/charts/base/crds/crd-all.gen.yaml",gatewayApi:"v1.1.0",inference:null},"1.24":{istio:"1.24.6",istioCrdFile:"manifests/charts/base/files/crd-all.gen.yaml",gatewayApi:"v1.2.1",inference:null},"1.25":{istio:"1.25.5",istioCrdFile:"manifests/charts/base/files/crd-all.gen.yaml",gatewayApi:"v1.2.1",inference:null},"1.26":{istio:"1.26.8",istioCrdFile:"manifests/charts/base/files/crd-all.gen.yaml",gatewayApi:"v1.3.0",inference:null},"1.27":{istio:"1.27.9",istioCrdFile:"manifests/charts/base/files/crd-all.gen.yaml",gatewayApi:"v1.3.0",inference:"v0.5.0"},"1.28":{istio:"1.28.10",istioCrdFile:"manifests/charts/base/files/crd-all.gen.yaml",gatewayApi:"v1.4.1",inference:"v0.0.0-20250926182816-0a3bb2010751"},"1.29":{istio:"1.29.6",istioCrdFile:"manifests/charts/base/files/crd-all.gen.yaml",gatewayApi:"v1.4.1",inference:"v0.0.0-20250926182816-0a3bb2010751"},"1.30":{istio:"1.30.3",istioCrdFile:"manifests/charts/base/files/crd-all.gen.yaml",gatewayApi:"v1.5.1",inference:"v1.4.0"},"1.31":{istio:"1.31.0-rc.0",istioCrdFile:"manifests/charts/base/files/crd-all.gen.yaml",gatewayApi:"v1.6.0",inference:"v1.5.0"}};const kinds={"extensions.istio.io/TrafficExtension":{family:"istio",versions:{v1alpha1:{served:"1.30-1.31",schema:0}},schemas:[{releases:"1.30-1.31",tree:{spec:{lua:{inlineCode:0},match:{"[]":{mode:{"@enum":{CLIENT:0,CLIENT_AND_SERVER:0,SERVER:0,UNDEFINED:0}},ports:{"[]":{number:0}}}},phase:{"@enum":{AUTHN:0,AUTHZ:0,STATS:0,UNSPECIFIED:0}},priority:0,selector:{matchLabels:{"*":0}},targetRefs:{"[]":{group:0,kind:0,name:0,namespace:0}},wasm:{failStrategy:{"@enum":{FAIL_CLOSE:0,FAIL_OPEN:0,FAIL_RELOAD:0}},imagePullPolicy:{"@enum":{Always:0,IfNotPresent:0,UNSPECIFIED_POLICY:0}},imagePullSecret:0,pluginConfig:{"@open":1},pluginName:0,sha256:0,type:{"@enum":{HTTP:0,NETWORK:0,UNSPECIFIED_PLUGIN_TYPE:0}},url:0,verificationKey:0,vmConfig:{env:{"[]":{name:0,value:0,valueFrom:{"@enum":{HOST:0,INLINE:0}}}}}}}},rules:[]}]},"extensions.istio.io/WasmPlugin":{family:"istio",versions:{v1alpha1:{served:"1.20-1.31",schema:0}},schemas:[{releases:"1.20-1.31",tree:{spec:{failStrategy:{"@enum":{FAIL_CLOSE:0,FAIL_OPEN:0,FAIL_RELOAD:"1.27-1.31"}},imagePullPolicy:{"@enum":{Always:0,IfNotPresent:0,UNSPECIFIED_POLICY:0}},imagePullSecret:0,match:{"[]":{mode:{"@enum":{CLIENT:0,CLIENT_AND_SERVER:0,SERVER:0,UNDEFINED:0}},ports:{"[]":{number:0}}}},phase:{"@enum":{AUTHN:0,AUTHZ:0,STATS:0,UNSPECIFIED_PHASE:0}},pluginConfig:{"@open":1},pluginName:0,priority:0,selector:{matchLabels:{"*":0}},sha256:0,targetRef:{group:0,kind:0,name:0,namespace:0},targetRefs:{"@r":"1.22-1.31","[]":{group:0,kind:0,name:0,namespace:0}},type:{"@enum":{HTTP:0,NETWORK:0,UNSPECIFIED_PLUGIN_TYPE:0}},url:0,verificationKey:0,vmConfig:{env:{"[]":{name:0,value:0,valueFrom:{"@enum":{HOST:0,INLINE:0}}}}}}},rules:[{kind:"cel",value:"(has(self.selector)?1:0)+(has(self.targetRef)?1:0)+(has(self.targetRefs)?1:0)<=1",releases:"1.24-1.31",message:"only one of targetRefs or selector can be set",paths:["spec"]},{kind:"cel",value:"self.all(key,!key.contains(\"*\"))",releases:"1.23-1.31",message:"wildcard not allowed in label key match",paths:["spec.selector.matchLabels"]},{kind:"cel",value:"self.all(key,key.size()!=0)",releases:"1.23-1.31",message:"key must not be empty",paths:["spec.selector.matchLabels"]},{kind:"maxProperties",value:4096,releases:"1.23-1.31",paths:["spec.selector.matchLabels"]},{kind:"cel",value:"!self.contains(\"*\")",releases:"1.23-1.31",message:"wildcard not allowed in label value match",paths:["spec.selector.matchLabels.*"]},{kind:"maxLength",value:63,releases:"1.23-1.31",paths:["spec.selector.matchLabels.*","spec.targetRef.kind","spec.targetRefs[].kind"]},{kind:"cel",value:"[self.group,self.kind]in[[\"core\",\"Service\"],[\"\",\"Service\"],[\"gateway.networking.k8s.io\",\"Gateway\"],[\"networking.istio.io\",\"ServiceEntry\"]]",releases:"1.24",message:"Support kinds are core/Service, networking.istio.io/ServiceEntry, gateway.networking.k8s.io/Gateway",paths:["spec.targetRef","spec.targetRefs[]"]},{kind:"cel",value:"[self.group,self.kind]in[[\"core\",\"Service\"],[\"\",\"Service\"],[\"gateway.networking.k8s.io\",\"Gateway\"]]",releases:"1.23",message:"Support kinds are core/Service and gateway.networking.k8s.io/Gateway",paths:["spec.targetRef","spec.targetRefs[]"]},{kind:"required",value:"kind",releases:"1.23-1.31",paths:["spec.targetRef","spec.targetRefs[]"]},{kind:"required",value:"name",releases:"1.23-1.31",paths:["spec.targetRef","spec.targetRefs[]"]},{kind:"maxLength",value:253,releases:"1.23-1.31",paths:["spec.targetRef.group","spec.targetRef.name","spec.targetRefs[].group","spec.targetRefs[].name"]},{kind:"pattern",value:"^$|^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$",releases:"1.23-1.31",paths:["spec.targetRef.group","spec.targetRefs[].group"]},{kind:"minLength",value:1,releases:"1.23-1.31",paths:["spec.targetRef.kind","spec.targetRef.name","spec.targetRefs[].kind","spec.targetRefs[].name"]},{kind:"pattern",value:"^[a-zA-Z]([-a-zA-Z0-9]*[a-zA-Z0-9])?$",releases:"1.23-1.31",paths:["spec.targetRef.kind","spec.targetRefs[].kind"]},{kind:"cel",value:"self.size()==0",releases:"1.23-1.31",message:"cross namespace referencing is not currently supported",paths:["spec.targetRef.namespace","spec.targetRefs[].namespace"]},{kind:"maxItems",value:16,releases:"1.24-1.31",paths:["spec.targetRefs"]}]}]},"gateway.networking.k8s.io/BackendLBPolicy":{family:"gateway-api",versions:{v1alpha2:{served:"1.22-1.25",standard:"",schema:0}},schemas:[{releases:"1.22-1.25",tree:{spec:{sessionPersistence:{absoluteTimeout:0,cookieConfig:{lifetimeType:{"@enum":{Permanent:0,Session:0}}},idleTimeout:0,sessionName:0,type:{"@enum":{Cookie:0,Header:0}}},targetRefs:{"[]":{group:0,kind:0,name:0}}}},rules:[{kind:"cel",value:"!has(self.cookieConfig)||!has(self.cookieConfig.lifetimeType)||self.cookieConfig.lifetimeType!=\"Permanent\"||has(self.absoluteTimeout)",releases:"1.24-1.25",message:"AbsoluteTimeout must be specified when cookie lifetimeType is Permanent",paths:["spec.sessionPersistence"]},{kind:"cel",value:"!has(self.cookieConfig.lifetimeType)||self.cookieConfig.lifetimeType!=\"Permanent\"||has(self.absoluteTimeout)",releases:"1.22-1.23",message:"AbsoluteTimeout must be specified when cookie lifetimeType is Permanent",paths:["spec.sessionPersistence"]}]}]},"gateway.networking.k8s.io/BackendTLSPolicy":{family:"gateway-api",versions:{v1:{served:"1.28-1.31",schema:0},v1alpha3:{served:"1.22-1.31",standard:"",schema:0},v1alpha2:{served:"1.20-1.21",standard:"",schema:0}},schemas:[{releases:"1.20-1.31",tree:{spec:{options:{"@r":"1.24-1.31","*":0},targetRef:{"@r":"1.20-1.21",group:0,kind:0,name:0,namespace:0,sectionName:0},targetRefs:{"@r":"1.22-1.31","[]":{group:0,kind:0,name:0,sectionName:0}},tls:{"@r":"1.20-1.21",caCertRefs:{"[]":{group:0,kind:0,name:0}},hostname:0,wellKnownCACerts:{"@enum":{System:0}}},validation:{"@r":"1.22-1.31",caCertificateRefs:{"[]":{group:0,kind:0,name:0}},hostname:0,subjectAltNames:{"@r":"1.24-1.31","[]":{hostname:0,type:{"@enum":{Hostname:0,URI:0}},uri:0}},wellKnownCACertificates:{"@enum":{System:"1.22-1.29"}}}}},rules:[{kind:"required",value:"targetRef",releases:"1.20-1.21",paths:["spec"]},{kind:"required",value:"targetRefs",releases:"1.22-1.31",paths:["spec"]},{kind:"required",value:"tls",releases:"1.20-1.21",paths:["spec"]},{kind:"required",value:"validation",releases:"1.22-1.31",paths:["spec"]},{kind:"cel",value:"self.all(p1,self.all(p2,p1.group==p2.group&&p1.kind==p2.kind&&p1.name==p2.name?((!has(p1.sectionName)||p1.sectionName==\"\")==(!has(p2.sectionName)||p2.sectionName==\"\")):true))",releases:"1.26-1.31",message:"sectionName must be specified when targetRefs includes 2 or more references to the same target",paths:["spec.targetRefs"]},{kind:"cel",value:"self.all(p1,self.exists_one(p2,p1.group==p2.group&&p1.kind==p2.kind&&p1.name==p2.name&&(((!has(p1.sectionName)||p1.sectionName==\"\")&&(!has(p2.sectionName)||p2.sectionName==\"\"))||(has(p1.sectionName)&&has(p2.sectionName)&&p1.sectionName==p2.sectionName))))",releases:"1.26-1.31",message:"sectionName must be unique when targetRefs includes 2 or more references to the same target",paths:["spec.targetRefs"]},{kind:"maxLength",value:253,releases:"1.30-1.31",paths:["spec.validation.wellKnownCACertificates"]},{kind:"minLength",value:1,releases:"1.30-1.31",paths:["spec.validation.wellKnownCACertificates"]},{kind:"pattern",value:"^(System|([a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*/([A-Za-z0-9][-A-Za-z0-9_.]{0,61})?[A-Za-z0-9]))$",releases:"1.30-1.31",paths:["spec.validation.wellKnownCACertificates"]}]}]},"gateway.networking.k8s.io/GRPCRoute":{family:"gateway-api",versions:{v1:{served:"1.22-1.31",schema:0},v1alpha2:{served:"1.20-1.23",standard:"",schema:1}},schemas:[{releases:"1.22-1.31",tree:{spec:{hostnames:{"[]":0},parentRefs:{"[]":{group:0,kind:0,name:0,namespace:0,port:0,sectionName:0}},rules:{"[]":{backendRefs:{"[]":{filters:{"[]":{extensionRef:{group:0,kind:0,name:0},requestHeaderModifier:{add:{"[]":{name:0,value:0}},remove:{"[]":0},set:{"[]":{name:0,value:0}}},requestMirror:{backendRef:{group:0,kind:0,name:0,namespace:0,port:0},fraction:{"@r":"1.24-1.31","@x":"1.24-1.25",denominator:{"@x":"1.24-1.25"},numerator:{"@x":"1.24-1.25"}},percent:{"@r":"1.24-1.31","@x":"1.24-1.25"}},responseHeaderModifier:{add:{"[]":{name:0,value:0}},remove:{"[]":0},set:{"[]":{name:0,value:0}}},type:{"@enum":{ExtensionRef:0,RequestHeaderModifier:0,RequestMirror:0,ResponseHeaderModifier:0}}}},group:0,kind:0,name:0,namespace:0,port:0,weight:0}},filters:{"[]":{extensionRef:{group:0,kind:0,name:0},requestHeaderModifier:{add:{"[]":{name:0,value:0}},remove:{"[]":0},set:{"[]":{name:0,value:0}}},requestMirror:{backendRef:{group:0,kind:0,name:0,namespace:0,port:0},fraction:{"@r":"1.24-1.31","@x":"1.24-1.25",denominator:{"@x":"1.24-1.25"},numerator:{"@x":"1.24-1.25"}},percent:{"@r":"1.24-1.31","@x":"1.24-1.25"}},responseHeaderModifier:{add:{"[]":{name:0,value:0}},remove:{"[]":0},set:{"[]":{name:0,value:0}}},type:{"@enum":{ExtensionRef:0,RequestHeaderModifier:0,RequestMirror:0,ResponseHeaderModifier:0}}}},matches:{"[]":{headers:{"[]":{name:0,type:{"@enum":{Exact:0,RegularExpression:0}},value:0}},method:{method:0,service:0,type:{"@enum":{Exact:0,RegularExpression:0}}}}},name:{"@r":"1.24-1.31","@x":"1.24-1.27"},sessionPersistence:{"@x":"1.22-1.31",absoluteTimeout:{"@x":"1.22-1.31"},cookieConfig:{"@x":"1.22-1.31",lifetimeType:{"@x":"1.22-1.31","@enum":{Permanent:0,Session:0}}},idleTimeout:{"@r":"1.22-1.30","@x":"1.22-1.30"},sessionName:{"@x":"1.22-1.31"},type:{"@x":"1.22-1.31","@enum":{Cookie:0,Header:0}}}}},useDefaultGateways:{"@r":"1.28-1.31","@x":"1.28-1.31","@enum":{All:0,None:0}}}},rules:[{kind:"required",value:"spec",releases:"1.28-1.31",paths:[""]},{kind:"cel",value:"(self.size()>0?(has(self[0].matches)?self[0].matches.size():0):0)+(self.size()>1?(has(self[1].matches)?self[1].matches.size():0):0)+(self.size()>2?(has(self[2].matches)?self[2].matches.size():0):0)+(self.size()>3?(has(self[3].matches)?self[3].matches.size():0):0)+(self.size()>4?(has(self[4].matches)?self[4].matches.size():0):0)+(self.size()>5?(has(self[5].matches)?self[5].matches.size():0):0)+(self.size()>6?(has(self[6].matches)?self[6].matches.size():0):0)+(self.size()>7?(has(self[7].matches)?self[7].matches.size():0):0)+(self.size()>8?(has(self[8].matches)?self[8].matches.size():0):0)+(self.size()>9?(has(self[9].matches)?self[9].matches.size():0):0)+(self.size()>10?(has(self[10].matches)?self[10].matches.size():0):0)+(self.size()>11?(has(self[11].matches)?self[11].matches.size():0):0)+(self.size()>12?(has(self[12].matches)?self[12].matches.size():0):0)+(self.size()>13?(has(self[13].matches)?self[13].matches.size():0):0)+(self.size()>14?(has(self[14].matches)?self[14].matches.size():0):0)+(self.size()>15?(has(self[15].matches)?self[15].matches.size():0):0)<=128",releases:"1.24-1.31",message:"While 16 rules and 64 matches per rule are allowed, the total number of matches across all rules in a route must be less than 128",paths:["spec.rules"]},{kind:"cel",value:"!(has(self.percent)&&has(self.fraction))",releases:"1.26-1.31",message:"Only one of percent or fraction may be specified in HTTPRequestMirrorFilter",paths:["spec.rules[].backendRefs[].filters[].requestMirror","spec.rules[].filters[].requestMirror"]},{kind:"maxItems",value:64,releases:"1.26-1.31",paths:["spec.rules[].matches"]},{kind:"maxItems",value:8,releases:"1.22-1.25",paths:["spec.rules[].matches"]},{kind:"cel",value:"!has(self.cookieConfig)||!has(self.cookieConfig.lifetimeType)||self.cookieConfig.lifetimeType!=\"Permanent\"||has(self.absoluteTimeout)",releases:"1.24-1.31",message:"AbsoluteTimeout must be specified when cookie lifetimeType is Permanent",paths:["spec.rules[].sessionPersistence"]},{kind:"cel",value:"!has(self.cookieConfig)||self.type==\"Cookie\"",releases:"1.30-1.31",message:"cookieConfig can only be set with type Cookie",paths:["spec.rules[].sessionPersistence"]},{kind:"cel",value:"!has(self.cookieConfig.lifetimeType)||self.cookieConfig.lifetimeType!=\"Permanent\"||has(self.absoluteTimeout)",releases:"1.22-1.23",message:"AbsoluteTimeout must be specified when cookie lifetimeType is Permanent",paths:["spec.rules[].sessionPersistence"]}]},{releases:"1.20-1.23",tree:{spec:{hostnames:{"[]":0},parentRefs:{"[]":{group:0,kind:0,name:0,namespace:0,port:0,sectionName:0}},rules:{"[]":{backendRefs:{"[]":{filters:{"[]":{extensionRef:{group:0,kind:0,name:0},requestHeaderModifier:{add:{"[]":{name:0,value:0}},remove:{"[]":0},set:{"[]":{name:0,value:0}}},requestMirror:{backendRef:{group:0,kind:0,name:0,namespace:0,port:0}},responseHeaderModifier:{add:{"[]":{name:0,value:0}},remove:{"[]":0},set:{"[]":{name:0,value:0}}},type:{"@enum":{ExtensionRef:0,RequestHeaderModifier:0,RequestMirror:0,ResponseHeaderModifier:0}}}},group:0,kind:0,name:0,namespace:0,port:0,weight:0}},filters:{"[]":{extensionRef:{group:0,kind:0,name:0},requestHeaderModifier:{add:{"[]":{name:0,value:0}},remove:{"[]":0},set:{"[]":{name:0,value:0}}},requestMirror:{backendRef:{group:0,kind:0,name:0,namespace:0,port:0}},responseHeaderModifier:{add:{"[]":{name:0,value:0}},remove:{"[]":0},set:{"[]":{name:0,value:0}}},type:{"@enum":{ExtensionRef:0,RequestHeaderModifier:0,RequestMirror:0,ResponseHeaderModifier:0}}}},matches:{"[]":{headers:{"[]":{name:0,type:{"@enum":{Exact:0,RegularExpression:0}},value:0}},method:{method:0,service:0,type:{"@enum":{Exact:0,RegularExpression:0}}}}},sessionPersistence:{"@r":"1.22-1.23",absoluteTimeout:0,cookieConfig:{lifetimeType:{"@enum":{Permanent:0,Session:0}}},idleTimeout:0,sessionName:0,type:{"@enum":{Cookie:0,Header:0}}}}}}},rules:[]}]},"gateway.networking.k8s.io/Gateway":{family:"gateway-api",versions:{v1:{served:"1.20-1.31",schema:0},v1beta1:{served:"1.20-1.31",schema:0}},schemas:[{releases:"1.20-1.31",tree:{spec:{addresses:{"[]":{type:0,value:0}},allowedListeners:{"@r":"1.26-1.31","@x":"1.26-1.29",namespaces:{"@x":"1.26-1.29",from:{"@x":"1.26-1.29","@enum":{All:0,None:0,Same:0,Selector:0}},selector:{"@x":"1.26-1.29",matchExpressions:{"@x":"1.26-1.29","[]":{"@x":"1.26-1.29",key:{"@x":"1.26-1.29"},operator:{"@x":"1.26-1.29"},values:{"@x":"1.26-1.29","[]":{"@x":"1.26-1.29"}}}},matchLabels:{"@x":"1.26-1.29","*":{"@x":"1.26-1.29"}}}}},backendTLS:{"@r":"1.24-1.27","@x":"1.24-1.27",clientCertificateRef:{"@x":"1.24-1.27",group:{"@x":"1.24-1.27"},kind:{"@x":"1.24-1.27"},name:{"@x":"1.24-1.27"},namespace:{"@x":"1.24-1.27"}}},defaultScope:{"@r":"1.28-1.31","@x":"1.28-1.31","@enum":{All:0,None:0}},gatewayClassName:0,infrastructure:{"@x":"1.20-1.23",annotations:{"@x":"1.20-1.23","*":{"@x":"1.20-1.23"}},labels:{"@x":"1.20-1.23","*":{"@x":"1.20-1.23"}},parametersRef:{"@r":"1.22-1.31","@x":"1.22-1.23",group:{"@x":"1.22-1.23"},kind:{"@x":"1.22-1.23"},name:{"@x":"1.22-1.23"}}},listeners:{"[]":{allowedRoutes:{kinds:{"[]":{group:0,kind:0}},namespaces:{from:{"@enum":{All:0,Same:0,Selector:0}},selector:{matchExpressions:{"[]":{key:0,operator:0,values:{"[]":0}}},matchLabels:{"*":0}}}},hostname:0,name:0,port:0,protocol:0,tls:{certificateRefs:{"[]":{group:0,kind:0,name:0,namespace:0}},frontendValidation:{"@r":"1.22-1.27","@x":"1.22-1.27",caCertificateRefs:{"@x":"1.22-1.27","[]":{"@x":"1.22-1.27",group:{"@x":"1.22-1.27"},kind:{"@x":"1.22-1.27"},name:{"@x":"1.22-1.27"},namespace:{"@x":"1.22-1.27"}}}},mode:{"@enum":{Passthrough:0,Terminate:0}},options:{"*":0}}}},tls:{"@r":"1.28-1.31","@x":"1.28-1.29",backend:{"@x":"1.28-1.29",clientCertificateRef:{"@x":"1.28-1.29",group:{"@x":"1.28-1.29"},kind:{"@x":"1.28-1.29"},name:{"@x":"1.28-1.29"},namespace:{"@x":"1.28-1.29"}}},frontend:{"@x":"1.28-1.29","default":{"@x":"1.28-1.29",validation:{"@x":"1.28-1.29",caCertificateRefs:{"@x":"1.28-1.29","[]":{"@x":"1.28-1.29",group:{"@x":"1.28-1.29"},kind:{"@x":"1.28-1.29"},name:{"@x":"1.28-1.29"},namespace:{"@x":"1.28-1.29"}}},mode:{"@x":"1.28-1.29","@enum":{AllowInsecureFallback:0,AllowValidOnly:0}}}},perPort:{"@x":"1.28-1.29","[]":{"@x":"1.28-1.29",port:{"@x":"1.28-1.29"},tls:{"@x":"1.28-1.29",validation:{"@x":"1.28-1.29",caCertificateRefs:{"@x":"1.28-1.29","[]":{"@x":"1.28-1.29",group:{"@x":"1.28-1.29"},kind:{"@x":"1.28-1.29"},name:{"@x":"1.28-1.29"},namespace:{"@x":"1.28-1.29"}}},mode:{"@x":"1.28-1.29","@enum":{AllowInsecureFallback:0,AllowValidOnly:0}}}}}}}}}},rules:[{kind:"cel",value:"self.all(a1,a1.type==\"Hostname\"&&has(a1.value)?self.exists_one(a2,a2.type==a1.type&&has(a2.value)&&a2.value==a1.value):true)",releases:"1.28-1.31",message:"Hostname values must be unique",paths:["spec.addresses"]},{kind:"cel",value:"self.all(a1,a1.type==\"Hostname\"?self.exists_one(a2,a2.type==a1.type&&a2.value==a1.value):true)",releases:"1.20-1.27",message:"Hostname values must be unique",paths:["spec.addresses"]},{kind:"cel",value:"self.all(a1,a1.type==\"IPAddress\"&&has(a1.value)?self.exists_one(a2,a2.type==a1.type&&has(a2.value)&&a2.value==a1.value):true)",releases:"1.28-1.31",message:"IPAddress values must be unique",paths:["spec.addresses"]},{kind:"cel",value:"self.all(a1,a1.type==\"IPAddress\"?self.exists_one(a2,a2.type==a1.type&&a2.value==a1.value):true)",releases:"1.20-1.27",message:"IPAddress values must be unique",paths:["spec.addresses"]},{kind:"cel",value:"self.type==\"Hostname\"?(!has(self.value)||self.value.matches(r\"\"\"^(\\*\\.)?[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$\"\"\")):true",releases:"1.28-1.31",message:"Hostname value must be empty or contain only valid characters (matching ^(\\*\\.)?[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$)",paths:["spec.addresses[]"]},{kind:"cel",value:"self.type==\"Hostname\"?self.value.matches(r\"\"\"^(\\*\\.)?[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$\"\"\"):true",releases:"1.20-1.27",message:"Hostname value must only contain valid characters (matching ^(\\*\\.)?[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$)",paths:["spec.addresses[]"]},{kind:"required",value:"value",releases:"1.20-1.25",paths:["spec.addresses[]"]},{kind:"minLength",value:1,releases:"1.20-1.25",paths:["spec.addresses[].value"]},{kind:"cel",value:"self.all(key,key.matches(r\"\"\"^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*/)?([A-Za-z0-9][-A-Za-z0-9_.]{0,61})?[A-Za-z0-9]$\"\"\"))",releases:"1.24-1.31",message:"Annotation keys must be in the form of an optional DNS subdomain prefix followed by a required name segment of up to 63 characters.",paths:["spec.infrastructure.annotations"]},{kind:"cel",value:"self.all(key,key.split(\"/\")[0].size()<253)",releases:"1.24-1.31",message:"If specified, the annotation key's prefix must be a DNS subdomain not longer than 253 characters in total.",paths:["spec.infrastructure.annotations"]},{kind:"maxProperties",value:16,releases:"1.31",paths:["spec.infrastructure.annotations"]},{kind:"maxProperties",value:8,releases:"1.20-1.30",paths:["spec.infrastructure.annotations"]},{kind:"cel",value:"self.all(key,key.matches(r\"\"\"^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*/)?([A-Za-z0-9][-A-Za-z0-9_.]{0,61})?[A-Za-z0-9]$\"\"\"))",releases:"1.24-1.31",message:"Label keys must be in the form of an optional DNS subdomain prefix followed by a required name segment of up to 63 characters.",paths:["spec.infrastructure.labels"]},{kind:"cel",value:"self.all(key,key.split(\"/\")[0].size()<253)",releases:"1.24-1.31",message:"If specified, the label key's prefix must be a DNS subdomain not longer than 253 characters in total.",paths:["spec.infrastructure.labels"]},{kind:"maxLength",value:4096,releases:"1.20-1.23",paths:["spec.infrastructure.labels.*"]},{kind:"maxLength",value:63,releases:"1.24-1.31",paths:["spec.infrastructure.labels.*"]},{kind:"pattern",value:"^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$",releases:"1.24-1.31",paths:["spec.infrastructure.labels.*"]},{kind:"cel",value:"self.all(l,(l.protocol==\"HTTPS\"&&has(l.tls))?(l.tls.mode==\"\"||l.tls.mode==\"Terminate\"):true)",releases:"1.22-1.31",message:"tls mode must be Terminate for protocol HTTPS",paths:["spec.listeners"]},{kind:"cel",value:"self.all(l,(l.protocol==\"TLS\"?has(l.tls)&&has(l.tls.mode)&&l.tls.mode!=\"\":true))",releases:"1.30-1.31",message:"tls mode must be set for protocol TLS",paths:["spec.listeners"]},{kind:"cel",value:"self.all(l,l.protocol in[\"HTTPS\",\"TLS\"]?has(l.tls):true)",releases:"1.20-1.21",message:"tls must be specified for protocols ['HTTPS', 'TLS']",paths:["spec.listeners"]},{kind:"pattern",value:"^[a-zA-Z0-9]([-a-zA-Z0-9]*[a-zA-Z0-9])?$|[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\\/[A-Za-z0-9]+$",releases:"1.24-1.31",paths:["spec.listeners[].protocol"]},{kind:"pattern",value:"^[a-zA-Z0-9]([-a-zSA-Z0-9]*[a-zA-Z0-9])?$|[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\\/[A-Za-z0-9]+$",releases:"1.20-1.23",paths:["spec.listeners[].protocol"]},{kind:"cel",value:"self.mode==\"Terminate\"?size(self.certificateRefs)>0:true",releases:"1.20-1.21",message:"certificateRefs must be specified when TLSModeType is Terminate",paths:["spec.listeners[].tls"]},{kind:"cel",value:"self.mode==\"Terminate\"?size(self.certificateRefs)>0||size(self.options)>0:true",releases:"1.22-1.31",message:"certificateRefs or options must be specified when mode is Terminate",paths:["spec.listeners[].tls"]},{kind:"maxItems",value:16,releases:"1.31",paths:["spec.tls.frontend.default.validation.caCertificateRefs","spec.tls.frontend.perPort[].tls.validation.caCertificateRefs"]},{kind:"maxItems",value:8,releases:"1.28-1.30",paths:["spec.tls.frontend.default.validation.caCertificateRefs","spec.tls.frontend.perPort[].tls.validation.caCertificateRefs"]}]}]},"gateway.networking.k8s.io/GatewayClass":{family:"gateway-api",versions:{v1:{served:"1.20-1.31",schema:0},v1beta1:{served:"1.20-1.31",schema:0}},schemas:[{releases:"1.20-1.31",tree:{spec:{controllerName:0,description:0,parametersRef:{group:0,kind:0,name:0,namespace:0}}},rules:[]}]},"gateway.networking.k8s.io/HTTPRoute":{family:"gateway-api",versions:{v1:{served:"1.20-1.31",schema:0},v1beta1:{served:"1.20-1.31",schema:0}},schemas:[{releases:"1.20-1.31",tree:{spec:{hostnames:{"[]":0},parentRefs:{"[]":{group:0,kind:0,name:0,namespace:0,port:{"@x":"1.20-1.21"},sectionName:0}},rules:{"[]":{backendRefs:{"[]":{filters:{"[]":{cors:{"@r":"1.26-1.31","@x":"1.26-1.29",allowCredentials:{"@x":"1.26-1.29","@enum":{"true":"1.26-1.27"}},allowHeaders:{"@x":"1.26-1.29","[]":{"@x":"1.26-1.29"}},allowMethods:{"@x":"1.26-1.29","[]":{"@x":"1.26-1.29","@enum":{"*":0,CONNECT:0,DELETE:0,GET:0,HEAD:0,OPTIONS:0,PATCH:0,POST:0,PUT:0,TRACE:0}}},allowOrigins:{"@x":"1.26-1.29","[]":{"@x":"1.26-1.29"}},exposeHeaders:{"@x":"1.26-1.29","[]":{"@x":"1.26-1.29"}},maxAge:{"@x":"1.26-1.29"}},extensionRef:{group:0,kind:0,name:0},externalAuth:{"@r":"1.28-1.31","@x":"1.28-1.31",backendRef:{"@x":"1.28-1.31",group:{"@x":"1.28-1.31"},kind:{"@x":"1.28-1.31"},name:{"@x":"1.28-1.31"},namespace:{"@x":"1.28-1.31"},port:{"@x":"1.28-1.31"}},forwardBody:{"@x":"1.28-1.31",maxSize:{"@x":"1.28-1.31"}},grpc:{"@x":"1.28-1.31",allowedHeaders:{"@x":"1.28-1.31","[]":{"@x":"1.28-1.31"}}},http:{"@x":"1.28-1.31",allowedHeaders:{"@x":"1.28-1.31","[]":{"@x":"1.28-1.31"}},allowedResponseHeaders:{"@x":"1.28-1.31","[]":{"@x":"1.28-1.31"}},path:{"@x":"1.28-1.31"}},protocol:{"@x":"1.28-1.31","@enum":{GRPC:0,HTTP:0}}},requestHeaderModifier:{add:{"[]":{name:0,value:0}},remove:{"[]":0},set:{"[]":{name:0,value:0}}},requestMirror:{backendRef:{group:0,kind:0,name:0,namespace:0,port:0},fraction:{"@r":"1.24-1.31","@x":"1.24-1.25",denominator:{"@x":"1.24-1.25"},numerator:{"@x":"1.24-1.25"}},percent:{"@r":"1.24-1.31","@x":"1.24-1.25"}},requestRedirect:{hostname:0,path:{replaceFullPath:0,replacePrefixMatch:0,type:{"@enum":{ReplaceFullPath:0,ReplacePrefixMatch:0}}},port:0,scheme:{"@enum":{http:0,https:0}},statusCode:{"@enum":{"301":0,"302":0,"303":"1.30-1.31","307":"1.30-1.31","308":"1.30-1.31"}}},responseHeaderModifier:{add:{"[]":{name:0,value:0}},remove:{"[]":0},set:{"[]":{name:0,value:0}}},type:{"@xenum":{CORS:"1.26-1.29",ExternalAuth:"1.28-1.31"},"@enum":{CORS:"1.26-1.31",ExtensionRef:0,ExternalAuth:"1.28-1.31",RequestHeaderModifier:0,RequestMirror:0,RequestRedirect:0,ResponseHeaderModifier:0,URLRewrite:0}},urlRewrite:{hostname:0,path:{replaceFullPath:0,replacePrefixMatch:0,type:{"@enum":{ReplaceFullPath:0,ReplacePrefixMatch:0}}}}}},group:0,kind:0,name:0,namespace:0,port:0,weight:0}},filters:{"[]":{cors:{"@r":"1.26-1.31","@x":"1.26-1.29",allowCredentials:{"@x":"1.26-1.29","@enum":{"true":"1.26-1.27"}},allowHeaders:{"@x":"1.26-1.29","[]":{"@x":"1.26-1.29"}},allowMethods:{"@x":"1.26-1.29","[]":{"@x":"1.26-1.29","@enum":{"*":0,CONNECT:0,DELETE:0,GET:0,HEAD:0,OPTIONS:0,PATCH:0,POST:0,PUT:0,TRACE:0}}},allowOrigins:{"@x":"1.26-1.29","[]":{"@x":"1.26-1.29"}},exposeHeaders:{"@x":"1.26-1.29","[]":{"@x":"1.26-1.29"}},maxAge:{"@x":"1.26-1.29"}},extensionRef:{group:0,kind:0,name:0},externalAuth:{"@r":"1.28-1.31","@x":"1.28-1.31",backendRef:{"@x":"1.28-1.31",group:{"@x":"1.28-1.31"},kind:{"@x":"1.28-1.31"},name:{"@x":"1.28-1.31"},namespace:{"@x":"1.28-1.31"},port:{"@x":"1.28-1.31"}},forwardBody:{"@x":"1.28-1.31",maxSize:{"@x":"1.28-1.31"}},grpc:{"@x":"1.28-1.31",allowedHeaders:{"@x":"1.28-1.31","[]":{"@x":"1.28-1.31"}}},http:{"@x":"1.28-1.31",allowedHeaders:{"@x":"1.28-1.31","[]":{"@x":"1.28-1.31"}},allowedResponseHeaders:{"@x":"1.28-1.31","[]":{"@x":"1.28-1.31"}},path:{"@x":"1.28-1.31"}},protocol:{"@x":"1.28-1.31","@enum":{GRPC:0,HTTP:0}}},requestHeaderModifier:{add:{"[]":{name:0,value:0}},remove:{"[]":0},set:{"[]":{name:0,value:0}}},requestMirror:{backendRef:{group:0,kind:0,name:0,namespace:0,port:0},fraction:{"@r":"1.24-1.31","@x":"1.24-1.25",denominator:{"@x":"1.24-1.25"},numerator:{"@x":"1.24-1.25"}},percent:{"@r":"1.24-1.31","@x":"1.24-1.25"}},requestRedirect:{hostname:0,path:{replaceFullPath:0,replacePrefixMatch:0,type:{"@enum":{ReplaceFullPath:0,ReplacePrefixMatch:0}}},port:0,scheme:{"@enum":{http:0,https:0}},statusCode:{"@enum":{"301":0,"302":0,"303":"1.30-1.31","307":"1.30-1.31","308":"1.30-1.31"}}},responseHeaderModifier:{add:{"[]":{name:0,value:0}},remove:{"[]":0},set:{"[]":{name:0,value:0}}},type:{"@xenum":{CORS:"1.26-1.29",ExternalAuth:"1.28-1.31"},"@enum":{CORS:"1.26-1.31",ExtensionRef:0,ExternalAuth:"1.28-1.31",RequestHeaderModifier:0,RequestMirror:0,RequestRedirect:0,ResponseHeaderModifier:0,URLRewrite:0}},urlRewrite:{hostname:0,path:{replaceFullPath:0,replacePrefixMatch:0,type:{"@enum":{ReplaceFullPath:0,ReplacePrefixMatch:0}}}}}},matches:{"[]":{headers:{"[]":{name:0,type:{"@enum":{Exact:0,RegularExpression:0}},value:0}},method:{"@enum":{CONNECT:0,DELETE:0,GET:0,HEAD:0,OPTIONS:0,PATCH:0,POST:0,PUT:0,TRACE:0}},path:{type:{"@enum":{Exact:0,PathPrefix:0,RegularExpression:0}},value:0},queryParams:{"[]":{name:0,type:{"@enum":{Exact:0,RegularExpression:0}},value:0}}}},name:{"@r":"1.24-1.31","@x":"1.24-1.27"},retry:{"@r":"1.24-1.31","@x":"1.24-1.31",attempts:{"@x":"1.24-1.31"},backoff:{"@x":"1.24-1.31"},codes:{"@x":"1.24-1.31","[]":{"@x":"1.24-1.31"}}},sessionPersistence:{"@r":"1.22-1.31","@x":"1.22-1.31",absoluteTimeout:{"@x":"1.22-1.31"},cookieConfig:{"@x":"1.22-1.31",lifetimeType:{"@x":"1.22-1.31","@enum":{Permanent:0,Session:0}}},idleTimeout:{"@r":"1.22-1.30","@x":"1.22-1.30"},sessionName:{"@x":"1.22-1.31"},type:{"@x":"1.22-1.31","@enum":{Cookie:0,Header:0}}},timeouts:{"@x":"1.20-1.23",backendRequest:{"@x":"1.20-1.23"},request:{"@x":"1.20-1.23"}}}},useDefaultGateways:{"@r":"1.28-1.31","@x":"1.28-1.31","@enum":{All:0,None:0}}}},rules:[{kind:"cel",value:"(self.size()>0?self[0].matches.size():0)+(self.size()>1?self[1].matches.size():0)+(self.size()>2?self[2].matches.size():0)+(self.size()>3?self[3].matches.size():0)+(self.size()>4?self[4].matches.size():0)+(self.size()>5?self[5].matches.size():0)+(self.size()>6?self[6].matches.size():0)+(self.size()>7?self[7].matches.size():0)+(self.size()>8?self[8].matches.size():0)+(self.size()>9?self[9].matches.size():0)+(self.size()>10?self[10].matches.size():0)+(self.size()>11?self[11].matches.size():0)+(self.size()>12?self[12].matches.size():0)+(self.size()>13?self[13].matches.size():0)+(self.size()>14?self[14].matches.size():0)+(self.size()>15?self[15].matches.size():0)<=128",releases:"1.24-1.31",message:"While 16 rules and 64 matches per rule are allowed, the total number of matches across all rules in a route must be less than 128",paths:["spec.rules"]},{kind:"minItems",value:1,releases:"1.30-1.31",paths:["spec.rules"]},{kind:"cel",value:"self.filter(f,f.type==\"CORS\").size()<=1",releases:"1.30-1.31",message:"CORS filter cannot be repeated",paths:["spec.rules[].backendRefs[].filters","spec.rules[].filters"]},{kind:"cel",value:"!(!has(self.cors)&&self.type==\"CORS\")",releases:"1.30-1.31",message:"filter.cors must be specified for CORS filter.type",paths:["spec.rules[].backendRefs[].filters[]","spec.rules[].filters[]"]},{kind:"cel",value:"!(has(self.cors)&&self.type!=\"CORS\")",releases:"1.30-1.31",message:"filter.cors must be nil if the filter.type is not CORS",paths:["spec.rules[].backendRefs[].filters[]","spec.rules[].filters[]"]},{kind:"cel",value:"!(\"*\" in self&&self.size()>1)",releases:"1.30-1.31",message:"AllowHeaders cannot contain '*' alongside other methods",paths:["spec.rules[].backendRefs[].filters[].cors.allowHeaders","spec.rules[].filters[].cors.allowHeaders"]},{kind:"cel",value:"!(\"*\" in self&&self.size()>1)",releases:"1.28-1.31",message:"AllowOrigins cannot contain '*' alongside other origins",paths:["spec.rules[].backendRefs[].filters[].cors.allowOrigins","spec.rules[].filters[].cors.allowOrigins"]},{kind:"pattern",value:"(^\\*$)|(^([a-zA-Z][a-zA-Z0-9+\\-.]+):\\/\\/([^:/?#]+)(:([0-9]{1,5}))?$)",releases:"1.28-1.29",paths:["spec.rules[].backendRefs[].filters[].cors.allowOrigins[]","spec.rules[].filters[].cors.allowOrigins[]"]},{kind:"pattern",value:"(^\\*$)|(^(http(s)?):\\/\\/(((\\*\\.)?([a-zA-Z0-9\\-]+\\.)*[a-zA-Z0-9-]+|\\*)(:([0-9]{1,5}))?)$)",releases:"1.30-1.31",paths:["spec.rules[].backendRefs[].filters[].cors.allowOrigins[]","spec.rules[].filters[].cors.allowOrigins[]"]},{kind:"pattern",value:"^(([^:/?#]+):)(//([^/?#]*))([^?#]*)(\\?([^#]*))?(#(.*))?",releases:"1.26-1.27",paths:["spec.rules[].backendRefs[].filters[].cors.allowOrigins[]","spec.rules[].filters[].cors.allowOrigins[]"]},{kind:"maxItems",value:64,releases:"1.30-1.31",paths:["spec.rules[].backendRefs[].filters[].externalAuth.grpc.allowedHeaders","spec.rules[].backendRefs[].filters[].externalAuth.http.allowedHeaders","spec.rules[].backendRefs[].filters[].externalAuth.http.allowedResponseHeaders","spec.rules[].filters[].externalAuth.grpc.allowedHeaders","spec.rules[].filters[].externalAuth.http.allowedHeaders","spec.rules[].filters[].externalAuth.http.allowedResponseHeaders"]},{kind:"cel",value:"!(has(self.percent)&&has(self.fraction))",releases:"1.26-1.31",message:"Only one of percent or fraction may be specified in HTTPRequestMirrorFilter",paths:["spec.rules[].backendRefs[].filters[].requestMirror","spec.rules[].filters[].requestMirror"]},{kind:"maxItems",value:64,releases:"1.24-1.31",paths:["spec.rules[].matches"]},{kind:"maxItems",value:8,releases:"1.20-1.23",paths:["spec.rules[].matches"]},{kind:"minimum",value:1,releases:"1.31",paths:["spec.rules[].retry.attempts"]},{kind:"listType",value:["set"],releases:"1.31",paths:["spec.rules[].retry.codes"]},{kind:"cel",value:"!has(self.cookieConfig)||!has(self.cookieConfig.lifetimeType)||self.cookieConfig.lifetimeType!=\"Permanent\"||has(self.absoluteTimeout)",releases:"1.24-1.31",message:"AbsoluteTimeout must be specified when cookie lifetimeType is Permanent",paths:["spec.rules[].sessionPersistence"]},{kind:"cel",value:"!has(self.cookieConfig)||self.type==\"Cookie\"",releases:"1.30-1.31",message:"cookieConfig can only be set with type Cookie",paths:["spec.rules[].sessionPersistence"]},{kind:"cel",value:"!has(self.cookieConfig.lifetimeType)||self.cookieConfig.lifetimeType!=\"Permanent\"||has(self.absoluteTimeout)",releases:"1.22-1.23",message:"AbsoluteTimeout must be specified when cookie lifetimeType is Permanent",paths:["spec.rules[].sessionPersistence"]}]}]},"gateway.networking.k8s.io/ListenerSet":{family:"gateway-api",versions:{v1:{served:"1.30-1.31",schema:0}},schemas:[{releases:"1.30-1.31",tree:{spec:{listeners:{"[]":{allowedRoutes:{kinds:{"[]":{group:0,kind:0}},namespaces:{from:{"@enum":{All:0,Same:0,Selector:0}},selector:{matchExpressions:{"[]":{key:0,operator:0,values:{"[]":0}}},matchLabels:{"*":0}}}},hostname:0,name:0,port:0,protocol:0,tls:{certificateRefs:{"[]":{group:0,kind:0,name:0,namespace:0}},mode:{"@enum":{Passthrough:0,Terminate:0}},options:{"*":0}}}},parentRef:{group:0,kind:0,name:0,namespace:0}}},rules:[]}]},"gateway.networking.k8s.io/ReferenceGrant":{family:"gateway-api",versions:{v1:{served:"1.30-1.31",schema:0},v1beta1:{served:"1.20-1.31",schema:0},v1alpha2:{served:"1.20-1.23",standard:"1.20-1.21",schema:0}},schemas:[{releases:"1.20-1.31",tree:{spec:{from:{"[]":{group:0,kind:0,namespace:0}},to:{"[]":{group:0,kind:0,name:0}}}},rules:[{kind:"required",value:"spec",releases:"1.31",paths:[""]}]}]},"gateway.networking.k8s.io/TCPRoute":{family:"gateway-api",versions:{v1:{served:"1.31",schema:0},v1alpha2:{served:"1.20-1.31",standard:"",schema:1}},schemas:[{releases:"1.31",tree:{spec:{parentRefs:{"[]":{group:0,kind:0,name:0,namespace:0,port:0,sectionName:0}},rules:{"[]":{backendRefs:{"[]":{group:0,kind:0,name:0,namespace:0,port:0,weight:0}},name:0}},useDefaultGateways:{"@x":"1.31","@enum":{All:0,None:0}}}},rules:[]},{releases:"1.20-1.31",tree:{spec:{parentRefs:{"[]":{group:0,kind:0,name:0,namespace:0,port:0,sectionName:0}},rules:{"[]":{backendRefs:{"[]":{group:0,kind:0,name:0,namespace:0,port:0,weight:0}},name:"1.24-1.31"}},useDefaultGateways:{"@r":"1.28-1.31","@enum":{All:0,None:0}}}},rules:[{kind:"cel",value:"self.all(l1,!has(l1.name)||self.exists_one(l2,has(l2.name)&&l1.name==l2.name))",releases:"1.24-1.31",message:"Rule name must be unique within the route",paths:["spec.rules"]},{kind:"required",value:"backendRefs",releases:"1.28-1.31",paths:["spec.rules[]"]}]}]},"gateway.networking.k8s.io/TLSRoute":{family:"gateway-api",versions:{v1:{served:"1.30-1.31",schema:0},v1alpha3:{served:"1.28-1.31",standard:"",schema:1},v1alpha2:{served:"1.20-1.31",standard:"",schema:2}},schemas:[{releases:"1.30-1.31",tree:{spec:{hostnames:{"[]":0},parentRefs:{"[]":{group:0,kind:0,name:0,namespace:0,port:0,sectionName:0}},rules:{"[]":{backendRefs:{"[]":{group:0,kind:0,name:0,namespace:0,port:0,weight:0}},name:0}},useDefaultGateways:{"@x":"1.30-1.31","@enum":{All:0,None:0}}}},rules:[{kind:"maxItems",value:1024,releases:"1.31",paths:["spec.hostnames"]},{kind:"maxItems",value:16,releases:"1.30",paths:["spec.hostnames"]}]},{releases:"1.28-1.31",tree:{spec:{hostnames:{"[]":0},parentRefs:{"[]":{group:0,kind:0,name:0,namespace:0,port:0,sectionName:0}},rules:{"[]":{backendRefs:{"[]":{group:0,kind:0,name:0,namespace:0,port:0,weight:0}},name:0}},useDefaultGateways:{"@enum":{All:0,None:0}}}},rules:[{kind:"cel",value:"self.all(h,!h.contains(\"*\")?h.matches(\"^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\\\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*)$\"):true)",releases:"1.30-1.31",message:"Hostnames must be valid based on RFC-1123",paths:["spec.hostnames"]},{kind:"cel",value:"self.all(h,!isIP(h))",releases:"1.30-1.31",message:"Hostnames cannot contain an IP",paths:["spec.hostnames"]},{kind:"cel",value:"self.all(h,h.contains(\"*\")?(h.startsWith(\"*.\")&&h.substring(2).matches(\"^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\\\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*)$\")):true)",releases:"1.30-1.31",message:"Wildcards on hostnames must be the first label, and the rest of hostname must be valid based on RFC-1123",paths:["spec.hostnames"]},{kind:"maxItems",value:1024,releases:"1.31",paths:["spec.hostnames"]},{kind:"maxItems",value:16,releases:"1.28-1.30",paths:["spec.hostnames"]},{kind:"cel",value:"self.all(l1,!has(l1.name)||self.exists_one(l2,has(l2.name)&&l1.name==l2.name))",releases:"1.28-1.29",message:"Rule name must be unique within the route",paths:["spec.rules"]}]},{releases:"1.20-1.31",tree:{spec:{hostnames:{"[]":0},parentRefs:{"[]":{group:0,kind:0,name:0,namespace:0,port:0,sectionName:0}},rules:{"[]":{backendRefs:{"[]":{group:0,kind:0,name:0,namespace:0,port:0,weight:0}},name:"1.24-1.31"}},useDefaultGateways:{"@r":"1.28-1.31","@enum":{All:0,None:0}}}},rules:[{kind:"maxItems",value:1024,releases:"1.31",paths:["spec.hostnames"]},{kind:"maxItems",value:16,releases:"1.20-1.30",paths:["spec.hostnames"]},{kind:"cel",value:"self.all(l1,!has(l1.name)||self.exists_one(l2,has(l2.name)&&l1.name==l2.name))",releases:"1.24-1.31",message:"Rule name must be unique within the route",paths:["spec.rules"]},{kind:"required",value:"backendRefs",releases:"1.28-1.31",paths:["spec.rules[]"]}]}]},"gateway.networking.k8s.io/UDPRoute":{family:"gateway-api",versions:{v1:{served:"1.31",schema:0},v1alpha2:{served:"1.20-1.31",standard:"",schema:1}},schemas:[{releases:"1.31",tree:{spec:{parentRefs:{"[]":{group:0,kind:0,name:0,namespace:0,port:0,sectionName:0}},rules:{"[]":{backendRefs:{"[]":{group:0,kind:0,name:0,namespace:0,port:0,weight:0}},name:0}},useDefaultGateways:{"@x":"1.31","@enum":{All:0,None:0}}}},rules:[]},{releases:"1.20-1.31",tree:{spec:{parentRefs:{"[]":{group:0,kind:0,name:0,namespace:0,port:0,sectionName:0}},rules:{"[]":{backendRefs:{"[]":{group:0,kind:0,name:0,namespace:0,port:0,weight:0}},name:"1.24-1.31"}},useDefaultGateways:{"@r":"1.28-1.31","@enum":{All:0,None:0}}}},rules:[{kind:"cel",value:"self.all(l1,!has(l1.name)||self.exists_one(l2,has(l2.name)&&l1.name==l2.name))",releases:"1.24-1.31",message:"Rule name must be unique within the route",paths:["spec.rules"]},{kind:"required",value:"backendRefs",releases:"1.28-1.31",paths:["spec.rules[]"]}]}]},"gateway.networking.x-k8s.io/XBackend":{family:"gateway-api",versions:{v1alpha1:{served:"1.31",standard:"",schema:0}},schemas:[{releases:"1.31",tree:{spec:{externalHostname:{hostname:0},port:{name:0,port:0},protocol:{"@enum":{H2C:0,HTTP:0,HTTP11:0,HTTP2:0,MCP:0,TCP:0}},tls:{clientCertificateRef:{group:0,kind:0,name:0,namespace:0},mode:{"@enum":{ClientAndServer:0,None:0,ServerOnly:0}},validation:{caCertificateRefs:{"[]":{group:0,kind:0,name:0}},hostname:0,subjectAltNames:{"[]":{hostname:0,type:{"@enum":{Hostname:0,URI:0}},uri:0}},wellKnownCACertificates:0}},type:{"@enum":{ExternalHostname:0}}}},rules:[]}]},"gateway.networking.x-k8s.io/XBackendTrafficPolicy":{family:"gateway-api",versions:{v1alpha1:{served:"1.26-1.31",standard:"",schema:0}},schemas:[{releases:"1.26-1.31",tree:{spec:{retryConstraint:{budget:{interval:0,percent:0},minRetryRate:{count:0,interval:0}},sessionPersistence:{absoluteTimeout:0,cookieConfig:{lifetimeType:{"@enum":{Permanent:0,Session:0}}},idleTimeout:"1.26-1.30",sessionName:0,type:{"@enum":{Cookie:0,Header:0}}},targetRefs:{"[]":{group:0,kind:0,name:0}}}},rules:[{kind:"cel",value:"!has(self.cookieConfig)||self.type==\"Cookie\"",releases:"1.30-1.31",message:"cookieConfig can only be set with type Cookie",paths:["spec.sessionPersistence"]}]}]},"gateway.networking.x-k8s.io/XListenerSet":{family:"gateway-api",versions:{v1alpha1:{served:"1.26-1.29",standard:"",schema:0}},schemas:[{releases:"1.26-1.29",tree:{spec:{listeners:{"[]":{allowedRoutes:{kinds:{"[]":{group:0,kind:0}},namespaces:{from:{"@enum":{All:0,Same:0,Selector:0}},selector:{matchExpressions:{"[]":{key:0,operator:0,values:{"[]":0}}},matchLabels:{"*":0}}}},hostname:0,name:0,port:0,protocol:0,tls:{certificateRefs:{"[]":{group:0,kind:0,name:0,namespace:0}},frontendValidation:{"@r":"1.26-1.27",caCertificateRefs:{"[]":{group:0,kind:0,name:0,namespace:0}}},mode:{"@enum":{Passthrough:0,Terminate:0}},options:{"*":0}}}},parentRef:{group:0,kind:0,name:0,namespace:0}}},rules:[{kind:"required",value:"port",releases:"1.26-1.27",paths:["spec.listeners[]"]},{kind:"minimum",value:0,releases:"1.28-1.29",paths:["spec.listeners[].port"]},{kind:"minimum",value:1,releases:"1.26-1.27",paths:["spec.listeners[].port"]}]}]},"gateway.networking.x-k8s.io/XMesh":{family:"gateway-api",versions:{v1alpha1:{served:"1.28-1.31",standard:"",schema:0}},schemas:[{releases:"1.28-1.31",tree:{spec:{controllerName:0,description:0,parametersRef:{group:0,kind:0,name:0,namespace:0}}},rules:[]}]},"inference.networking.k8s.io/InferencePool":{family:"inference",versions:{v1:{served:"1.28-1.31",schema:0}},schemas:[{releases:"1.28-1.31",tree:{spec:{appProtocol:{"@r":"1.30-1.31","@enum":{http:0,"kubernetes.io/h2c":0}},endpointPickerRef:{failureMode:{"@enum":{FailClose:0,FailOpen:0}},group:0,kind:0,name:0,port:{number:0}},selector:{matchLabels:{"*":0}},targetPorts:{"[]":{number:0}}}},rules:[{kind:"maxProperties",value:64,releases:"1.30-1.31",paths:["spec.selector.matchLabels"]},{kind:"minProperties",value:1,releases:"1.30-1.31",paths:["spec.selector.matchLabels"]}]}]},"inference.networking.x-k8s.io/InferenceModel":{family:"inference",versions:{v1alpha2:{served:"1.27",schema:0}},schemas:[{releases:"1.27",tree:{spec:{criticality:{"@enum":{Critical:0,Sheddable:0,Standard:0}},modelName:0,poolRef:{group:0,kind:0,name:0},targetModels:{"[]":{name:0,weight:0}}}},rules:[]}]},"inference.networking.x-k8s.io/InferenceModelRewrite":{family:"inference",versions:{v1alpha2:{served:"1.30-1.31",schema:0}},schemas:[{releases:"1.30-1.31",tree:{spec:{poolRef:{group:0,kind:0,name:0},rules:{"[]":{matches:{"[]":{model:{type:{"@enum":{Exact:0}},value:0}}},targets:{"[]":{modelRewrite:0,weight:0}}}}}},rules:[]}]},"inference.networking.x-k8s.io/InferenceObjective":{family:"inference",versions:{v1alpha2:{served:"1.28-1.31",schema:0}},schemas:[{releases:"1.28-1.31",tree:{spec:{poolRef:{group:0,kind:0,name:0},priority:0}},rules:[]}]},"inference.networking.x-k8s.io/InferencePool":{family:"inference",versions:{v1alpha2:{served:"1.27-1.30",schema:0}},schemas:[{releases:"1.27-1.30",tree:{spec:{extensionRef:{failureMode:{"@enum":{FailClose:0,FailOpen:0}},group:0,kind:0,name:0,portNumber:0},selector:{"*":0},targetPortNumber:0}},rules:[]}]},"inference.networking.x-k8s.io/InferencePoolImport":{family:"inference",versions:{v1alpha1:{served:"1.30-1.31",schema:0}},schemas:[{releases:"1.30-1.31",tree:0,rules:[]}]},"networking.istio.io/DestinationRule":{family:"istio",versions:{v1:{served:"1.22-1.31",schema:0},v1beta1:{served:"1.20-1.31",schema:0},v1alpha3:{served:"1.20-1.31",schema:0}},schemas:[{releases:"1.20-1.31",tree:{spec:{exportTo:{"[]":0},host:0,subsets:{"[]":{labels:{"*":0},name:0,trafficPolicy:{connectionPool:{http:{h2UpgradePolicy:{"@enum":{DEFAULT:0,DO_NOT_UPGRADE:0,UPGRADE:0}},http1MaxPendingRequests:0,http2KeepAlive:{"@r":"1.31",interval:0,timeout:0},http2MaxRequests:0,idleTimeout:0,maxConcurrentStreams:"1.21-1.31",maxRequestsPerConnection:0,maxRetries:0,useClientProtocol:0},tcp:{connectTimeout:0,idleTimeout:"1.21-1.31",maxConnectionDuration:0,maxConnections:0,tcpKeepalive:{interval:0,probes:0,time:0}}},loadBalancer:{consistentHash:{httpCookie:{attributes:{"@r":"1.28-1.31","[]":{name:0,value:0}},name:0,path:0,ttl:0},httpHeaderName:0,httpQueryParameterName:0,maglev:{tableSize:0},minimumRingSize:0,ringHash:{minimumRingSize:0},useSourceIp:0},localityLbSetting:{distribute:{"[]":{from:0,to:{"*":0}}},enabled:0,failover:{"[]":{from:0,to:0}},failoverPriority:{"[]":0}},simple:{"@enum":{LEAST_CONN:0,LEAST_REQUEST:0,PASSTHROUGH:0,RANDOM:0,ROUND_ROBIN:0,UNSPECIFIED:0}},warmup:{"@r":"1.24-1.31",aggression:0,duration:0,minimumPercent:0},warmupDurationSecs:0,zoneAwareLbSetting:{"@r":"1.31",enabled:0,failover:{"[]":{from:0,to:0}},failoverPriority:{"[]":0},minClusterSize:0}},outlierDetection:{baseEjectionTime:0,consecutive5xxErrors:0,consecutiveErrors:0,consecutiveGatewayErrors:0,consecutiveLocalOriginFailures:0,interval:0,maxEjectionPercent:0,minHealthPercent:0,outlierDetectionHttpErrorCodes:{"@r":"1.31","[]":0},splitExternalLocalOriginErrors:0},portLevelSettings:{"[]":{connectionPool:{http:{h2UpgradePolicy:{"@enum":{DEFAULT:0,DO_NOT_UPGRADE:0,UPGRADE:0}},http1MaxPendingRequests:0,http2KeepAlive:{"@r":"1.31",interval:0,timeout:0},http2MaxRequests:0,idleTimeout:0,maxConcurrentStreams:"1.21-1.31",maxRequestsPerConnection:0,maxRetries:0,useClientProtocol:0},tcp:{connectTimeout:0,idleTimeout:"1.21-1.31",maxConnectionDuration:0,maxConnections:0,tcpKeepalive:{interval:0,probes:0,time:0}}},loadBalancer:{consistentHash:{httpCookie:{attributes:{"@r":"1.28-1.31","[]":{name:0,value:0}},name:0,path:0,ttl:0},httpHeaderName:0,httpQueryParameterName:0,maglev:{tableSize:0},minimumRingSize:0,ringHash:{minimumRingSize:0},useSourceIp:0},localityLbSetting:{distribute:{"[]":{from:0,to:{"*":0}}},enabled:0,failover:{"[]":{from:0,to:0}},failoverPriority:{"[]":0}},simple:{"@enum":{LEAST_CONN:0,LEAST_REQUEST:0,PASSTHROUGH:0,RANDOM:0,ROUND_ROBIN:0,UNSPECIFIED:0}},warmup:{"@r":"1.24-1.31",aggression:0,duration:0,minimumPercent:0},warmupDurationSecs:0,zoneAwareLbSetting:{"@r":"1.31",enabled:0,failover:{"[]":{from:0,to:0}},failoverPriority:{"[]":0},minClusterSize:0}},outlierDetection:{baseEjectionTime:0,consecutive5xxErrors:0,consecutiveErrors:0,consecutiveGatewayErrors:0,consecutiveLocalOriginFailures:0,interval:0,maxEjectionPercent:0,minHealthPercent:0,outlierDetectionHttpErrorCodes:{"@r":"1.31","[]":0},splitExternalLocalOriginErrors:0},port:{number:0},tls:{caCertificates:0,caCrl:"1.22-1.31",clientCertificate:0,credentialName:0,insecureSkipVerify:0,mode:{"@enum":{DISABLE:0,ISTIO_MUTUAL:0,MUTUAL:0,SIMPLE:0}},privateKey:0,sni:0,subjectAltNames:{"[]":0}}}},proxyProtocol:{"@r":"1.21-1.31",version:{"@enum":{V1:0,V2:0}}},retryBudget:{"@r":"1.27-1.31",budgetInterval:"1.31",minRetryConcurrency:0,percent:0},tls:{caCertificates:0,caCrl:"1.22-1.31",clientCertificate:0,credentialName:0,insecureSkipVerify:0,mode:{"@enum":{DISABLE:0,ISTIO_MUTUAL:0,MUTUAL:0,SIMPLE:0}},privateKey:0,sni:0,subjectAltNames:{"[]":0}},tunnel:{protocol:0,targetHost:0,targetPort:0}}}},trafficPolicy:{connectionPool:{http:{h2UpgradePolicy:{"@enum":{DEFAULT:0,DO_NOT_UPGRADE:0,UPGRADE:0}},http1MaxPendingRequests:0,http2KeepAlive:{"@r":"1.31",interval:0,timeout:0},http2MaxRequests:0,idleTimeout:0,maxConcurrentStreams:"1.21-1.31",maxRequestsPerConnection:0,maxRetries:0,useClientProtocol:0},tcp:{connectTimeout:0,idleTimeout:"1.21-1.31",maxConnectionDuration:0,maxConnections:0,tcpKeepalive:{interval:0,probes:0,time:0}}},loadBalancer:{consistentHash:{httpCookie:{attributes:{"@r":"1.28-1.31","[]":{name:0,value:0}},name:0,path:0,ttl:0},httpHeaderName:0,httpQueryParameterName:0,maglev:{tableSize:0},minimumRingSize:0,ringHash:{minimumRingSize:0},useSourceIp:0},localityLbSetting:{distribute:{"[]":{from:0,to:{"*":0}}},enabled:0,failover:{"[]":{from:0,to:0}},failoverPriority:{"[]":0}},simple:{"@enum":{LEAST_CONN:0,LEAST_REQUEST:0,PASSTHROUGH:0,RANDOM:0,ROUND_ROBIN:0,UNSPECIFIED:0}},warmup:{"@r":"1.24-1.31",aggression:0,duration:0,minimumPercent:0},warmupDurationSecs:0,zoneAwareLbSetting:{"@r":"1.31",enabled:0,failover:{"[]":{from:0,to:0}},failoverPriority:{"[]":0},minClusterSize:0}},outlierDetection:{baseEjectionTime:0,consecutive5xxErrors:0,consecutiveErrors:0,consecutiveGatewayErrors:0,consecutiveLocalOriginFailures:0,interval:0,maxEjectionPercent:0,minHealthPercent:0,outlierDetectionHttpErrorCodes:{"@r":"1.31","[]":0},splitExternalLocalOriginErrors:0},portLevelSettings:{"[]":{connectionPool:{http:{h2UpgradePolicy:{"@enum":{DEFAULT:0,DO_NOT_UPGRADE:0,UPGRADE:0}},http1MaxPendingRequests:0,http2KeepAlive:{"@r":"1.31",interval:0,timeout:0},http2MaxRequests:0,idleTimeout:0,maxConcurrentStreams:"1.21-1.31",maxRequestsPerConnection:0,maxRetries:0,useClientProtocol:0},tcp:{connectTimeout:0,idleTimeout:"1.21-1.31",maxConnectionDuration:0,maxConnections:0,tcpKeepalive:{interval:0,probes:0,time:0}}},loadBalancer:{consistentHash:{httpCookie:{attributes:{"@r":"1.28-1.31","[]":{name:0,value:0}},name:0,path:0,ttl:0},httpHeaderName:0,httpQueryParameterName:0,maglev:{tableSize:0},minimumRingSize:0,ringHash:{minimumRingSize:0},useSourceIp:0},localityLbSetting:{distribute:{"[]":{from:0,to:{"*":0}}},enabled:0,failover:{"[]":{from:0,to:0}},failoverPriority:{"[]":0}},simple:{"@enum":{LEAST_CONN:0,LEAST_REQUEST:0,PASSTHROUGH:0,RANDOM:0,ROUND_ROBIN:0,UNSPECIFIED:0}},warmup:{"@r":"1.24-1.31",aggression:0,duration:0,minimumPercent:0},warmupDurationSecs:0,zoneAwareLbSetting:{"@r":"1.31",enabled:0,failover:{"[]":{from:0,to:0}},failoverPriority:{"[]":0},minClusterSize:0}},outlierDetection:{baseEjectionTime:0,consecutive5xxErrors:0,consecutiveErrors:0,consecutiveGatewayErrors:0,consecutiveLocalOriginFailures:0,interval:0,maxEjectionPercent:0,minHealthPercent:0,outlierDetectionHttpErrorCodes:{"@r":"1.31","[]":0},splitExternalLocalOriginErrors:0},port:{number:0},tls:{caCertificates:0,caCrl:"1.22-1.31",clientCertificate:0,credentialName:0,insecureSkipVerify:0,mode:{"@enum":{DISABLE:0,ISTIO_MUTUAL:0,MUTUAL:0,SIMPLE:0}},privateKey:0,sni:0,subjectAltNames:{"[]":0}}}},proxyProtocol:{"@r":"1.21-1.31",version:{"@enum":{V1:0,V2:0}}},retryBudget:{"@r":"1.27-1.31",budgetInterval:"1.31",minRetryConcurrency:0,percent:0},tls:{caCertificates:0,caCrl:"1.22-1.31",clientCertificate:0,credentialName:0,insecureSkipVerify:0,mode:{"@enum":{DISABLE:0,ISTIO_MUTUAL:0,MUTUAL:0,SIMPLE:0}},privateKey:0,sni:0,subjectAltNames:{"[]":0}},tunnel:{protocol:0,targetHost:0,targetPort:0}},workloadSelector:{matchLabels:{"*":0}}}},rules:[{kind:"cel",value:"duration(self)>=duration(\"1ms\")",releases:"1.23-1.31",message:"must be a valid duration greater than 1ms",paths:["spec.subsets[].trafficPolicy.connectionPool.http.idleTimeout","spec.subsets[].trafficPolicy.connectionPool.tcp.connectTimeout","spec.subsets[].trafficPolicy.connectionPool.tcp.maxConnectionDuration","spec.subsets[].trafficPolicy.connectionPool.tcp.tcpKeepalive.interval","spec.subsets[].trafficPolicy.connectionPool.tcp.tcpKeepalive.time","spec.subsets[].trafficPolicy.loadBalancer.warmupDurationSecs","spec.subsets[].trafficPolicy.outlierDetection.baseEjectionTime","spec.subsets[].trafficPolicy.outlierDetection.interval","spec.subsets[].trafficPolicy.portLevelSettings[].connectionPool.http.idleTimeout","spec.subsets[].trafficPolicy.portLevelSettings[].connectionPool.tcp.connectTimeout","spec.subsets[].trafficPolicy.portLevelSettings[].connectionPool.tcp.maxConnectionDuration","spec.subsets[].trafficPolicy.portLevelSettings[].connectionPool.tcp.tcpKeepalive.interval","spec.subsets[].trafficPolicy.portLevelSettings[].connectionPool.tcp.tcpKeepalive.time","spec.subsets[].trafficPolicy.portLevelSettings[].loadBalancer.warmupDurationSecs","spec.subsets[].trafficPolicy.portLevelSettings[].outlierDetection.baseEjectionTime","spec.subsets[].trafficPolicy.portLevelSettings[].outlierDetection.interval","spec.trafficPolicy.connectionPool.http.idleTimeout","spec.trafficPolicy.connectionPool.tcp.connectTimeout","spec.trafficPolicy.connectionPool.tcp.maxConnectionDuration","spec.trafficPolicy.connectionPool.tcp.tcpKeepalive.interval","spec.trafficPolicy.connectionPool.tcp.tcpKeepalive.time","spec.trafficPolicy.loadBalancer.warmupDurationSecs","spec.trafficPolicy.outlierDetection.baseEjectionTime","spec.trafficPolicy.outlierDetection.interval","spec.trafficPolicy.portLevelSettings[].connectionPool.http.idleTimeout","spec.trafficPolicy.portLevelSettings[].connectionPool.tcp.connectTimeout","spec.trafficPolicy.portLevelSettings[].connectionPool.tcp.maxConnectionDuration","spec.trafficPolicy.portLevelSettings[].connectionPool.tcp.tcpKeepalive.interval","spec.trafficPolicy.portLevelSettings[].connectionPool.tcp.tcpKeepalive.time","spec.trafficPolicy.portLevelSettings[].loadBalancer.warmupDurationSecs","spec.trafficPolicy.portLevelSettings[].outlierDetection.baseEjectionTime","spec.trafficPolicy.portLevelSettings[].outlierDetection.interval"]},{kind:"maximum",value:4294967295,releases:"1.22-1.31",paths:["spec.subsets[].trafficPolicy.connectionPool.tcp.tcpKeepalive.probes","spec.subsets[].trafficPolicy.loadBalancer.localityLbSetting.distribute[].to.*","spec.subsets[].trafficPolicy.outlierDetection.consecutive5xxErrors","spec.subsets[].trafficPolicy.outlierDetection.consecutiveGatewayErrors","spec.subsets[].trafficPolicy.outlierDetection.consecutiveLocalOriginFailures","spec.subsets[].trafficPolicy.portLevelSettings[].connectionPool.tcp.tcpKeepalive.probes","spec.subsets[].trafficPolicy.portLevelSettings[].loadBalancer.localityLbSetting.distribute[].to.*","spec.subsets[].trafficPolicy.portLevelSettings[].outlierDetection.consecutive5xxErrors","spec.subsets[].trafficPolicy.portLevelSettings[].outlierDetection.consecutiveGatewayErrors","spec.subsets[].trafficPolicy.portLevelSettings[].outlierDetection.consecutiveLocalOriginFailures","spec.subsets[].trafficPolicy.portLevelSettings[].port.number","spec.subsets[].trafficPolicy.tunnel.targetPort","spec.trafficPolicy.connectionPool.tcp.tcpKeepalive.probes","spec.trafficPolicy.loadBalancer.localityLbSetting.distribute[].to.*","spec.trafficPolicy.outlierDetection.consecutive5xxErrors","spec.trafficPolicy.outlierDetection.consecutiveGatewayErrors","spec.trafficPolicy.outlierDetection.consecutiveLocalOriginFailures","spec.trafficPolicy.portLevelSettings[].connectionPool.tcp.tcpKeepalive.probes","spec.trafficPolicy.portLevelSettings[].loadBalancer.localityLbSetting.distribute[].to.*","spec.trafficPolicy.portLevelSettings[].outlierDetection.consecutive5xxErrors","spec.trafficPolicy.portLevelSettings[].outlierDetection.consecutiveGatewayErrors","spec.trafficPolicy.portLevelSettings[].outlierDetection.consecutiveLocalOriginFailures","spec.trafficPolicy.portLevelSettings[].port.number","spec.trafficPolicy.tunnel.targetPort"]},{kind:"minimum",value:0,releases:"1.22-1.31",paths:["spec.subsets[].trafficPolicy.connectionPool.tcp.tcpKeepalive.probes","spec.subsets[].trafficPolicy.loadBalancer.consistentHash.maglev.tableSize","spec.subsets[].trafficPolicy.loadBalancer.consistentHash.minimumRingSize","spec.subsets[].trafficPolicy.loadBalancer.consistentHash.ringHash.minimumRingSize","spec.subsets[].trafficPolicy.loadBalancer.localityLbSetting.distribute[].to.*","spec.subsets[].trafficPolicy.outlierDetection.consecutive5xxErrors","spec.subsets[].trafficPolicy.outlierDetection.consecutiveGatewayErrors","spec.subsets[].trafficPolicy.outlierDetection.consecutiveLocalOriginFailures","spec.subsets[].trafficPolicy.portLevelSettings[].connectionPool.tcp.tcpKeepalive.probes","spec.subsets[].trafficPolicy.portLevelSettings[].loadBalancer.consistentHash.maglev.tableSize","spec.subsets[].trafficPolicy.portLevelSettings[].loadBalancer.consistentHash.minimumRingSize","spec.subsets[].trafficPolicy.portLevelSettings[].loadBalancer.consistentHash.ringHash.minimumRingSize","spec.subsets[].trafficPolicy.portLevelSettings[].loadBalancer.localityLbSetting.distribute[].to.*","spec.subsets[].trafficPolicy.portLevelSettings[].outlierDetection.consecutive5xxErrors","spec.subsets[].trafficPolicy.portLevelSettings[].outlierDetection.consecutiveGatewayErrors","spec.subsets[].trafficPolicy.portLevelSettings[].outlierDetection.consecutiveLocalOriginFailures","spec.subsets[].trafficPolicy.portLevelSettings[].port.number","spec.subsets[].trafficPolicy.tunnel.targetPort","spec.trafficPolicy.connectionPool.tcp.tcpKeepalive.probes","spec.trafficPolicy.loadBalancer.consistentHash.maglev.tableSize","spec.trafficPolicy.loadBalancer.consistentHash.minimumRingSize","spec.trafficPolicy.loadBalancer.consistentHash.ringHash.minimumRingSize","spec.trafficPolicy.loadBalancer.localityLbSetting.distribute[].to.*","spec.trafficPolicy.outlierDetection.consecutive5xxErrors","spec.trafficPolicy.outlierDetection.consecutiveGatewayErrors","spec.trafficPolicy.outlierDetection.consecutiveLocalOriginFailures","spec.trafficPolicy.portLevelSettings[].connectionPool.tcp.tcpKeepalive.probes","spec.trafficPolicy.portLevelSettings[].loadBalancer.consistentHash.maglev.tableSize","spec.trafficPolicy.portLevelSettings[].loadBalancer.consistentHash.minimumRingSize","spec.trafficPolicy.portLevelSettings[].loadBalancer.consistentHash.ringHash.minimumRingSize","spec.trafficPolicy.portLevelSettings[].loadBalancer.localityLbSetting.distribute[].to.*","spec.trafficPolicy.portLevelSettings[].outlierDetection.consecutive5xxErrors","spec.trafficPolicy.portLevelSettings[].outlierDetection.consecutiveGatewayErrors","spec.trafficPolicy.portLevelSettings[].outlierDetection.consecutiveLocalOriginFailures","spec.trafficPolicy.portLevelSettings[].port.number","spec.trafficPolicy.tunnel.targetPort"]},{kind:"minimum",value:0,releases:"1.29-1.31",paths:["spec.subsets[].trafficPolicy.loadBalancer.warmup.aggression","spec.subsets[].trafficPolicy.portLevelSettings[].loadBalancer.warmup.aggression","spec.trafficPolicy.loadBalancer.warmup.aggression","spec.trafficPolicy.portLevelSettings[].loadBalancer.warmup.aggression"]},{kind:"minimum",value:1,releases:"1.24-1.28",paths:["spec.subsets[].trafficPolicy.loadBalancer.warmup.aggression","spec.subsets[].trafficPolicy.portLevelSettings[].loadBalancer.warmup.aggression","spec.trafficPolicy.loadBalancer.warmup.aggression","spec.trafficPolicy.portLevelSettings[].loadBalancer.warmup.aggression"]},{kind:"maxItems",value:4096,releases:"1.23-1.31",paths:["spec.subsets[].trafficPolicy.portLevelSettings","spec.trafficPolicy.portLevelSettings"]},{kind:"cel",value:"self.all(key,!key.contains(\"*\"))",releases:"1.23-1.31",message:"wildcard not allowed in label key match",paths:["spec.workloadSelector.matchLabels"]},{kind:"cel",value:"self.all(key,key.size()!=0)",releases:"1.23-1.31",message:"key must not be empty",paths:["spec.workloadSelector.matchLabels"]},{kind:"maxProperties",value:4096,releases:"1.23-1.31",paths:["spec.workloadSelector.matchLabels"]},{kind:"cel",value:"!self.contains(\"*\")",releases:"1.23-1.31",message:"wildcard not allowed in label value match",paths:["spec.workloadSelector.matchLabels.*"]},{kind:"maxLength",value:63,releases:"1.23-1.31",paths:["spec.workloadSelector.matchLabels.*"]}]}]},"networking.istio.io/EnvoyFilter":{family:"istio",versions:{v1alpha3:{served:"1.20-1.31",schema:0}},schemas:[{releases:"1.20-1.31",tree:{spec:{configPatches:{"[]":{applyTo:{"@enum":{BOOTSTRAP:0,CLUSTER:0,EXTENSION_CONFIG:0,FILTER_CHAIN:0,HTTP_FILTER:0,HTTP_ROUTE:0,INVALID:0,LISTENER:0,LISTENER_FILTER:0,NETWORK_FILTER:0,ROUTE_CONFIGURATION:0,VIRTUAL_HOST:0}},match:{cluster:{name:0,portNumber:0,service:0,subset:0},context:{"@enum":{ANY:0,GATEWAY:0,SIDECAR_INBOUND:0,SIDECAR_OUTBOUND:0,WAYPOINT:"1.29-1.31"}},listener:{filterChain:{applicationProtocols:0,destinationPort:0,filter:{name:0,subFilter:{name:0}},name:0,sni:0,transportProtocol:0},listenerFilter:0,name:0,portName:0,portNumber:0},proxy:{metadata:{"*":0},proxyVersion:0},routeConfiguration:{gateway:0,name:0,portName:0,portNumber:0,vhost:{domainName:"1.25-1.31",name:0,route:{action:{"@enum":{ANY:0,DIRECT_RESPONSE:0,REDIRECT:0,ROUTE:0}},name:0}}},waypoint:{"@r":"1.29-1.31",filter:{name:0,subFilter:{name:0}},portNumber:0,route:{name:0}}},patch:{filterClass:{"@enum":{AUTHN:0,AUTHZ:0,STATS:0,UNSPECIFIED:0}},operation:{"@enum":{ADD:0,INSERT_AFTER:0,INSERT_BEFORE:0,INSERT_FIRST:0,INVALID:0,MERGE:0,MERGE_AND_REPLACE_LIST:"1.31",REMOVE:0,REPLACE:0}},value:{"@open":1}}}},priority:0,targetRefs:{"@r":"1.22-1.31","[]":{group:0,kind:0,name:0,namespace:0}},workloadSelector:{labels:{"*":0}}}},rules:[{kind:"cel",value:"(has(self.workloadSelector)?1:0)+(has(self.targetRefs)?1:0)<=1",releases:"1.24-1.31",message:"only one of targetRefs or workloadSelector can be set",paths:["spec"]},{kind:"cel",value:"has(self.context)?((self.context==\"WAYPOINT\")?has(self.waypoint):!has(self.waypoint)):!has(self.waypoint)",releases:"1.29-1.31",message:"only support waypointMatch when context is WAYPOINT",paths:["spec.configPatches[].match"]},{kind:"oneOf",value:["listener","routeConfiguration","cluster","waypoint"],releases:"1.29-1.31",paths:["spec.configPatches[].match"]},{kind:"oneOf",value:["listener","routeConfiguration","cluster"],releases:"1.20-1.28",paths:["spec.configPatches[].match"]},{kind:"maximum",value:4294967295,releases:"1.22-1.31",paths:["spec.configPatches[].match.cluster.portNumber","spec.configPatches[].match.listener.filterChain.destinationPort","spec.configPatches[].match.listener.portNumber","spec.configPatches[].match.routeConfiguration.portNumber"]},{kind:"minimum",value:0,releases:"1.22-1.31",paths:["spec.configPatches[].match.cluster.portNumber","spec.configPatches[].match.listener.filterChain.destinationPort","spec.configPatches[].match.listener.portNumber","spec.configPatches[].match.routeConfiguration.portNumber"]},{kind:"maxItems",value:16,releases:"1.24-1.31",paths:["spec.targetRefs"]},{kind:"cel",value:"[self.group,self.kind]in[[\"core\",\"Service\"],[\"\",\"Service\"],[\"gateway.networking.k8s.io\",\"Gateway\"],[\"networking.istio.io\",\"ServiceEntry\"]]",releases:"1.24",message:"Support kinds are core/Service, networking.istio.io/ServiceEntry, gateway.networking.k8s.io/Gateway",paths:["spec.targetRefs[]"]},{kind:"cel",value:"[self.group,self.kind]in[[\"core\",\"Service\"],[\"\",\"Service\"],[\"gateway.networking.k8s.io\",\"Gateway\"]]",releases:"1.23",message:"Support kinds are core/Service and gateway.networking.k8s.io/Gateway",paths:["spec.targetRefs[]"]},{kind:"required",value:"kind",releases:"1.23-1.31",paths:["spec.targetRefs[]"]},{kind:"required",value:"name",releases:"1.23-1.31",paths:["spec.targetRefs[]"]},{kind:"maxLength",value:253,releases:"1.23-1.31",paths:["spec.targetRefs[].group","spec.targetRefs[].name"]},{kind:"pattern",value:"^$|^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$",releases:"1.23-1.31",paths:["spec.targetRefs[].group"]},{kind:"maxLength",value:63,releases:"1.23-1.31",paths:["spec.targetRefs[].kind"]},{kind:"minLength",value:1,releases:"1.23-1.31",paths:["spec.targetRefs[].kind","spec.targetRefs[].name"]},{kind:"pattern",value:"^[a-zA-Z]([-a-zA-Z0-9]*[a-zA-Z0-9])?$",releases:"1.23-1.31",paths:["spec.targetRefs[].kind"]},{kind:"cel",value:"self.size()==0",releases:"1.23-1.31",message:"cross namespace referencing is not currently supported",paths:["spec.targetRefs[].namespace"]},{kind:"maxProperties",value:256,releases:"1.24-1.31",paths:["spec.workloadSelector.labels"]},{kind:"cel",value:"!self.contains(\"*\")",releases:"1.24-1.31",message:"wildcard is not supported in selector",paths:["spec.workloadSelector.labels.*"]},{kind:"maxLength",value:63,releases:"1.24-1.31",paths:["spec.workloadSelector.labels.*"]}]}]},"networking.istio.io/Gateway":{family:"istio",versions:{v1:{served:"1.22-1.31",schema:0},v1beta1:{served:"1.20-1.31",schema:0},v1alpha3:{served:"1.20-1.31",schema:0}},schemas:[{releases:"1.20-1.31",tree:{spec:{selector:{"*":0},servers:{"[]":{bind:0,defaultEndpoint:0,hosts:{"[]":0},name:0,port:{name:0,number:0,protocol:0,targetPort:0},tls:{caCertCredentialName:"1.28-1.31",caCertificates:0,caCrl:"1.22-1.31",cipherSuites:{"[]":0},credentialName:0,credentialNames:{"@r":"1.26-1.31","[]":0},httpsRedirect:0,insecureSkipVerify:"1.31",maxProtocolVersion:{"@enum":{TLSV1_0:0,TLSV1_1:0,TLSV1_2:0,TLSV1_3:0,TLS_AUTO:0}},minProtocolVersion:{"@enum":{TLSV1_0:0,TLSV1_1:0,TLSV1_2:0,TLSV1_3:0,TLS_AUTO:0}},mode:{"@enum":{AUTO_PASSTHROUGH:0,ISTIO_MUTUAL:0,MUTUAL:0,OPTIONAL_MUTUAL:0,PASSTHROUGH:0,SIMPLE:0}},privateKey:0,serverCertificate:0,subjectAltNames:{"[]":0},tlsCertificates:{"@r":"1.26-1.31","[]":{caCertificates:0,privateKey:0,serverCertificate:0}},verifyCertificateHash:{"[]":0},verifyCertificateSpki:{"[]":0}}}}}},rules:[{kind:"maximum",value:4294967295,releases:"1.22-1.31",paths:["spec.servers[].port.number","spec.servers[].port.targetPort"]},{kind:"minimum",value:0,releases:"1.22-1.31",paths:["spec.servers[].port.number","spec.servers[].port.targetPort"]},{kind:"cel",value:"(has(self.credentialName)?1:0)+(has(self.credentialNames)?1:0)<=1",releases:"1.26-1.31",message:"only one of credentialName or credentialNames can be set",paths:["spec.servers[].tls"]},{kind:"cel",value:"(has(self.credentialNames)?1:0)+(has(self.tlsCertificates)?1:0)<=1",releases:"1.26-1.31",message:"only one of credentialName or tlsCertificates can be set",paths:["spec.servers[].tls"]},{kind:"cel",value:"(has(self.tlsCertificates)?1:0)+(has(self.credentialNames)?1:0)<=1",releases:"1.26-1.31",message:"only one of credentialNames or tlsCertificates can be set",paths:["spec.servers[].tls"]}]}]},"networking.istio.io/ProxyConfig":{family:"istio",versions:{v1beta1:{served:"1.20-1.31",schema:0}},schemas:[{releases:"1.20-1.31",tree:{spec:{concurrency:0,environmentVariables:{"*":0},image:{imageType:0},selector:{matchLabels:{"*":0}}}},rules:[{kind:"minimum",value:0,releases:"1.23-1.31",paths:["spec.concurrency"]},{kind:"maxLength",value:2048,releases:"1.23-1.31",paths:["spec.environmentVariables.*"]},{kind:"cel",value:"self.all(key,!key.contains(\"*\"))",releases:"1.23-1.31",message:"wildcard not allowed in label key match",paths:["spec.selector.matchLabels"]},{kind:"cel",value:"self.all(key,key.size()!=0)",releases:"1.23-1.31",message:"key must not be empty",paths:["spec.selector.matchLabels"]},{kind:"maxProperties",value:4096,releases:"1.23-1.31",paths:["spec.selector.matchLabels"]},{kind:"cel",value:"!self.contains(\"*\")",releases:"1.23-1.31",message:"wildcard not allowed in label value match",paths:["spec.selector.matchLabels.*"]},{kind:"maxLength",value:63,releases:"1.23-1.31",paths:["spec.selector.matchLabels.*"]}]}]},"networking.istio.io/ServiceEntry":{family:"istio",versions:{v1:{served:"1.22-1.31",schema:0},v1beta1:{served:"1.20-1.31",schema:0},v1alpha3:{served:"1.20-1.31",schema:0}},schemas:[{releases:"1.20-1.31",tree:{spec:{addresses:{"[]":0},endpoints:{"[]":{address:0,labels:{"*":0},locality:0,network:0,ports:{"*":0},serviceAccount:0,weight:0}},exportTo:{"[]":0},hosts:{"[]":0},location:{"@enum":{MESH_EXTERNAL:0,MESH_INTERNAL:0}},ports:{"[]":{name:0,number:0,protocol:0,targetPort:0}},resolution:{"@enum":{DNS:0,DNS_ROUND_ROBIN:0,DYNAMIC_DNS:"1.28-1.31",NONE:0,STATIC:0}},subjectAltNames:{"[]":0},workloadSelector:{labels:{"*":0}}}},rules:[{kind:"required",value:"spec",releases:"1.24-1.31",paths:[""]},{kind:"cel",value:"!((has(self.addresses)?self.addresses:[]).exists(k,k.contains(\"/\"))&&!((has(self.resolution)?self.resolution:\"NONE\")in[\"STATIC\",\"NONE\"]))",releases:"1.25-1.31",message:"CIDR addresses are allowed only for NONE/STATIC resolution types",paths:["spec"]},{kind:"cel",value:"!(has(self.addresses)&&self.addresses.exists(k,k.contains(\"/\"))&&(has(self.resolution)&&self.resolution!=\"STATIC\"&&self.resolution!=\"NONE\"))",releases:"1.24",message:"CIDR addresses are allowed only for NONE/STATIC resolution types",paths:["spec"]},{kind:"cel",value:"(!has(self.resolution)||self.resolution==\"NONE\")?!has(self.endpoints):true",releases:"1.24",message:"NONE mode cannot set endpoints",paths:["spec"]},{kind:"cel",value:"((has(self.resolution)?self.resolution:\"NONE\")==\"NONE\")?!has(self.endpoints):true",releases:"1.25-1.31",message:"NONE mode cannot set endpoints",paths:["spec"]},{kind:"cel",value:"((has(self.resolution)?self.resolution:\"\")==\"DNS_ROUND_ROBIN\")?((has(self.endpoints)?self.endpoints:[]).size()<=1):true",releases:"1.25-1.31",message:"DNS_ROUND_ROBIN mode cannot have multiple endpoints",paths:["spec"]},{kind:"cel",value:"(has(self.resolution)&&self.resolution==\"DNS_ROUND_ROBIN\")?(!has(self.endpoints)||size(self.endpoints)==1):true",releases:"1.24",message:"DNS_ROUND_ROBIN mode cannot have multiple endpoints",paths:["spec"]},{kind:"cel",value:"(has(self.workloadSelector)?1:0)+(has(self.endpoints)?1:0)<=1",releases:"1.24-1.31",message:"only one of WorkloadSelector or Endpoints can be set",paths:["spec"]},{kind:"maxItems",value:256,releases:"1.24-1.31",paths:["spec.addresses","spec.hosts","spec.ports"]},{kind:"maxLength",value:64,releases:"1.24-1.31",paths:["spec.addresses[]"]},{kind:"maxItems",value:4096,releases:"1.23-1.31",paths:["spec.endpoints"]},{kind:"cel",value:"(has(self.address)&&self.address.startsWith(\"unix://\"))?!has(self.ports):true",releases:"1.23-1.24",message:"UDS may not include ports",paths:["spec.endpoints[]"]},{kind:"cel",value:"(has(self.address)?self.address:\"\").startsWith(\"unix://\")?!has(self.ports):true",releases:"1.25-1.31",message:"UDS may not include ports",paths:["spec.endpoints[]"]},{kind:"cel",value:"has(self.address)||has(self.network)",releases:"1.23-1.31",message:"Address is required",paths:["spec.endpoints[]"]},{kind:"cel",value:"self.startsWith(\"unix://\")?!self.endsWith(\"/\"):true",releases:"1.23-1.31",message:"UDS may not be a dir",paths:["spec.endpoints[].address"]},{kind:"cel",value:"self.startsWith(\"unix://\")?(self.substring(7,8)==\"/\"||self.substring(7,8)==\"@\"):true",releases:"1.23-1.31",message:"UDS must be an absolute path or abstract socket",paths:["spec.endpoints[].address"]},{kind:"maxLength",value:256,releases:"1.23-1.31",paths:["spec.endpoints[].address"]},{kind:"maxProperties",value:256,releases:"1.23-1.31",paths:["spec.endpoints[].labels"]},{kind:"maxLength",value:2048,releases:"1.23-1.31",paths:["spec.endpoints[].locality","spec.endpoints[].network"]},{kind:"cel",value:"self.all(key,size(key)<63&&key.matches(\"^[a-zA-Z0-9](?:[-a-zA-Z0-9]*[a-zA-Z0-9])?$\"))",releases:"1.23-1.31",message:"port name must be valid",paths:["spec.endpoints[].ports"]},{kind:"maxProperties",value:128,releases:"1.23-1.31",paths:["spec.endpoints[].ports"]},{kind:"cel",value:"0<self&&self<=65535",releases:"1.23-1.31",message:"port must be between 1-65535",paths:["spec.endpoints[].ports.*"]},{kind:"maximum",value:4294967295,releases:"1.22-1.31",paths:["spec.endpoints[].ports.*","spec.endpoints[].weight","spec.ports[].number","spec.ports[].targetPort"]},{kind:"minimum",value:0,releases:"1.22-1.31",paths:["spec.endpoints[].ports.*","spec.endpoints[].weight","spec.ports[].number","spec.ports[].targetPort"]},{kind:"maxLength",value:253,releases:"1.23-1.31",paths:["spec.endpoints[].serviceAccount"]},{kind:"minItems",value:1,releases:"1.24-1.31",paths:["spec.hosts"]},{kind:"cel",value:"self!=\"*\"",releases:"1.24-1.31",message:"hostname cannot be wildcard",paths:["spec.hosts[]"]},{kind:"cel",value:"self.all(l1,self.exists_one(l2,l1.number==l2.number))",releases:"1.24-1.31",message:"port number cannot be duplicated",paths:["spec.ports"]},{kind:"listType",value:["map","name"],releases:"1.24-1.31",paths:["spec.ports"]},{kind:"maxLength",value:256,releases:"1.24-1.31",paths:["spec.ports[].name","spec.ports[].protocol"]},{kind:"cel",value:"0<self&&self<=65535",releases:"1.24-1.31",message:"port must be between 1-65535",paths:["spec.ports[].number","spec.ports[].targetPort"]},{kind:"maxProperties",value:256,releases:"1.24-1.31",paths:["spec.workloadSelector.labels"]},{kind:"cel",value:"!self.contains(\"*\")",releases:"1.24-1.31",message:"wildcard is not supported in selector",paths:["spec.workloadSelector.labels.*"]},{kind:"maxLength",value:63,releases:"1.24-1.31",paths:["spec.workloadSelector.labels.*"]}]}]},"networking.istio.io/Sidecar":{family:"istio",versions:{v1:{served:"1.22-1.31",schema:0},v1beta1:{served:"1.20-1.31",schema:0},v1alpha3:{served:"1.20-1.31",schema:0}},schemas:[{releases:"1.20-1.31",tree:{spec:{egress:{"[]":{bind:0,captureMode:{"@enum":{DEFAULT:0,IPTABLES:0,NONE:0}},hosts:{"[]":0},port:{name:0,number:0,protocol:0,targetPort:0}}},inboundConnectionPool:{http:{h2UpgradePolicy:{"@enum":{DEFAULT:0,DO_NOT_UPGRADE:0,UPGRADE:0}},http1MaxPendingRequests:0,http2KeepAlive:{"@r":"1.31",interval:0,timeout:0},http2MaxRequests:0,idleTimeout:0,maxConcurrentStreams:"1.21-1.31",maxRequestsPerConnection:0,maxRetries:0,useClientProtocol:0},tcp:{connectTimeout:0,idleTimeout:"1.21-1.31",maxConnectionDuration:0,maxConnections:0,tcpKeepalive:{interval:0,probes:0,time:0}}},ingress:{"[]":{bind:0,captureMode:{"@enum":{DEFAULT:0,IPTABLES:0,NONE:0}},connectionPool:{http:{h2UpgradePolicy:{"@enum":{DEFAULT:0,DO_NOT_UPGRADE:0,UPGRADE:0}},http1MaxPendingRequests:0,http2KeepAlive:{"@r":"1.31",interval:0,timeout:0},http2MaxRequests:0,idleTimeout:0,maxConcurrentStreams:"1.21-1.31",maxRequestsPerConnection:0,maxRetries:0,useClientProtocol:0},tcp:{connectTimeout:0,idleTimeout:"1.21-1.31",maxConnectionDuration:0,maxConnections:0,tcpKeepalive:{interval:0,probes:0,time:0}}},defaultEndpoint:0,port:{name:0,number:0,protocol:0,targetPort:0},tls:{caCertCredentialName:"1.28-1.31",caCertificates:0,caCrl:"1.22-1.31",cipherSuites:{"[]":0},credentialName:0,credentialNames:{"@r":"1.26-1.31","[]":0},httpsRedirect:0,insecureSkipVerify:"1.31",maxProtocolVersion:{"@enum":{TLSV1_0:0,TLSV1_1:0,TLSV1_2:0,TLSV1_3:0,TLS_AUTO:0}},minProtocolVersion:{"@enum":{TLSV1_0:0,TLSV1_1:0,TLSV1_2:0,TLSV1_3:0,TLS_AUTO:0}},mode:{"@enum":{AUTO_PASSTHROUGH:0,ISTIO_MUTUAL:0,MUTUAL:0,OPTIONAL_MUTUAL:0,PASSTHROUGH:0,SIMPLE:0}},privateKey:0,serverCertificate:0,subjectAltNames:{"[]":0},tlsCertificates:{"@r":"1.26-1.31","[]":{caCertificates:0,privateKey:0,serverCertificate:0}},verifyCertificateHash:{"[]":0},verifyCertificateSpki:{"[]":0}}}},outboundTrafficPolicy:{egressProxy:{host:0,port:{number:0},subset:0},mode:{"@enum":{ALLOW_ANY:0,REGISTRY_ONLY:0}}},workloadSelector:{labels:{"*":0}}}},rules:[{kind:"maximum",value:4294967295,releases:"1.22-1.31",paths:["spec.egress[].port.number","spec.egress[].port.targetPort","spec.inboundConnectionPool.tcp.tcpKeepalive.probes","spec.ingress[].connectionPool.tcp.tcpKeepalive.probes","spec.ingress[].port.number","spec.ingress[].port.targetPort","spec.outboundTrafficPolicy.egressProxy.port.number"]},{kind:"minimum",value:0,releases:"1.22-1.31",paths:["spec.egress[].port.number","spec.egress[].port.targetPort","spec.inboundConnectionPool.tcp.tcpKeepalive.probes","spec.ingress[].connectionPool.tcp.tcpKeepalive.probes","spec.ingress[].port.number","spec.ingress[].port.targetPort","spec.outboundTrafficPolicy.egressProxy.port.number"]},{kind:"cel",value:"duration(self)>=duration(\"1ms\")",releases:"1.23-1.31",message:"must be a valid duration greater than 1ms",paths:["spec.inboundConnectionPool.http.idleTimeout","spec.inboundConnectionPool.tcp.connectTimeout","spec.inboundConnectionPool.tcp.maxConnectionDuration","spec.inboundConnectionPool.tcp.tcpKeepalive.interval","spec.inboundConnectionPool.tcp.tcpKeepalive.time","spec.ingress[].connectionPool.http.idleTimeout","spec.ingress[].connectionPool.tcp.connectTimeout","spec.ingress[].connectionPool.tcp.maxConnectionDuration","spec.ingress[].connectionPool.tcp.tcpKeepalive.interval","spec.ingress[].connectionPool.tcp.tcpKeepalive.time"]},{kind:"cel",value:"(has(self.credentialName)?1:0)+(has(self.credentialNames)?1:0)<=1",releases:"1.26-1.31",message:"only one of credentialName or credentialNames can be set",paths:["spec.ingress[].tls"]},{kind:"cel",value:"(has(self.credentialNames)?1:0)+(has(self.tlsCertificates)?1:0)<=1",releases:"1.26-1.31",message:"only one of credentialName or tlsCertificates can be set",paths:["spec.ingress[].tls"]},{kind:"cel",value:"(has(self.tlsCertificates)?1:0)+(has(self.credentialNames)?1:0)<=1",releases:"1.26-1.31",message:"only one of credentialNames or tlsCertificates can be set",paths:["spec.ingress[].tls"]},{kind:"maxProperties",value:256,releases:"1.24-1.31",paths:["spec.workloadSelector.labels"]},{kind:"cel",value:"!self.contains(\"*\")",releases:"1.24-1.31",message:"wildcard is not supported in selector",paths:["spec.workloadSelector.labels.*"]},{kind:"maxLength",value:63,releases:"1.24-1.31",paths:["spec.workloadSelector.labels.*"]}]}]},"networking.istio.io/VirtualService":{family:"istio",versions:{v1:{served:"1.22-1.31",schema:0},v1beta1:{served:"1.20-1.31",schema:0},v1alpha3:{served:"1.20-1.31",schema:0}},schemas:[{releases:"1.20-1.31",tree:{spec:{exportTo:{"[]":0},gateways:{"[]":0},hosts:{"[]":0},http:{"[]":{corsPolicy:{allowCredentials:0,allowHeaders:{"[]":0},allowMethods:{"[]":0},allowOrigin:{"[]":0},allowOrigins:{"[]":{exact:0,prefix:0,regex:0}},exposeHeaders:{"[]":0},maxAge:0,unmatchedPreflights:{"@r":"1.23-1.31","@enum":{FORWARD:0,IGNORE:0,UNSPECIFIED:0}}},delegate:{name:0,namespace:0},directResponse:{body:{bytes:0,string:0},status:0},fault:{abort:{grpcStatus:0,http2Error:0,httpStatus:0,percentage:{value:0}},delay:{exponentialDelay:0,fixedDelay:0,percent:0,percentage:{value:0}}},headers:{request:{add:{"*":0},remove:{"[]":0},set:{"*":0}},response:{add:{"*":0},remove:{"[]":0},set:{"*":0}}},match:{"[]":{authority:{exact:0,prefix:0,regex:0},gateways:{"[]":0},headers:{"*":{exact:0,prefix:0,regex:0}},ignoreUriCase:0,method:{exact:0,prefix:0,regex:0},name:0,port:0,queryParams:{"*":{exact:0,prefix:0,regex:0}},scheme:{exact:0,prefix:0,regex:0},sourceLabels:{"*":0},sourceNamespace:0,statPrefix:0,uri:{exact:0,prefix:0,regex:0},withoutHeaders:{"*":{exact:0,prefix:0,regex:0}}}},mirror:{host:0,port:{number:0},subset:0},mirrorPercent:0,mirrorPercentage:{value:0},mirror_percent:0,mirrors:{"[]":{destination:{host:0,port:{number:0},subset:0},percentage:{value:0}}},name:0,redirect:{authority:0,derivePort:{"@enum":{FROM_PROTOCOL_DEFAULT:0,FROM_REQUEST_PORT:0}},port:0,prefixRewrite:"1.31",redirectCode:0,scheme:0,uri:0},retries:{attempts:0,backoff:"1.26-1.31",perTryTimeout:0,retryIgnorePreviousHosts:"1.26-1.31",retryOn:0,retryRemoteLocalities:0},rewrite:{authority:0,uri:0,uriRegexRewrite:{match:0,rewrite:0}},route:{"[]":{destination:{host:0,port:{number:0},subset:0},headers:{request:{add:{"*":0},remove:{"[]":0},set:{"*":0}},response:{add:{"*":0},remove:{"[]":0},set:{"*":0}}},weight:0}},timeout:0}},tcp:{"[]":{match:{"[]":{destinationSubnets:{"[]":0},gateways:{"[]":0},port:0,sourceLabels:{"*":0},sourceNamespace:0,sourceSubnet:0}},route:{"[]":{destination:{host:0,port:{number:0},subset:0},weight:0}}}},tls:{"[]":{match:{"[]":{destinationSubnets:{"[]":0},gateways:{"[]":0},port:0,sniHosts:{"[]":0},sourceLabels:{"*":0},sourceNamespace:0}},route:{"[]":{destination:{host:0,port:{number:0},subset:0},weight:0}}}}}},rules:[{kind:"cel",value:"duration(self)>=duration(\"1ms\")",releases:"1.23-1.31",message:"must be a valid duration greater than 1ms",paths:["spec.http[].corsPolicy.maxAge","spec.http[].fault.delay.exponentialDelay","spec.http[].fault.delay.fixedDelay","spec.http[].retries.perTryTimeout","spec.http[].timeout"]},{kind:"maximum",value:4294967295,releases:"1.22-1.31",paths:["spec.http[].directResponse.status","spec.http[].match[].port","spec.http[].mirror.port.number","spec.http[].mirrorPercent","spec.http[].mirror_percent","spec.http[].mirrors[].destination.port.number","spec.http[].redirect.port","spec.http[].redirect.redirectCode","spec.http[].route[].destination.port.number","spec.tcp[].match[].port","spec.tcp[].route[].destination.port.number","spec.tls[].match[].port","spec.tls[].route[].destination.port.number"]},{kind:"minimum",value:0,releases:"1.22-1.31",paths:["spec.http[].directResponse.status","spec.http[].match[].port","spec.http[].mirror.port.number","spec.http[].mirrorPercent","spec.http[].mirror_percent","spec.http[].mirrors[].destination.port.number","spec.http[].redirect.port","spec.http[].redirect.redirectCode","spec.http[].route[].destination.port.number","spec.tcp[].match[].port","spec.tcp[].route[].destination.port.number","spec.tls[].match[].port","spec.tls[].route[].destination.port.number"]}]}]},"networking.istio.io/WorkloadEntry":{family:"istio",versions:{v1:{served:"1.22-1.31",schema:0},v1beta1:{served:"1.20-1.31",schema:0},v1alpha3:{served:"1.20-1.31",schema:0}},schemas:[{releases:"1.20-1.31",tree:{spec:{address:0,labels:{"*":0},locality:0,network:0,ports:{"*":0},serviceAccount:0,weight:0}},rules:[{kind:"required",value:"spec",releases:"1.23-1.31",paths:[""]},{kind:"cel",value:"(has(self.address)&&self.address.startsWith(\"unix://\"))?!has(self.ports):true",releases:"1.23-1.24",message:"UDS may not include ports",paths:["spec"]},{kind:"cel",value:"(has(self.address)?self.address:\"\").startsWith(\"unix://\")?!has(self.ports):true",releases:"1.25-1.31",message:"UDS may not include ports",paths:["spec"]},{kind:"cel",value:"has(self.address)||has(self.network)",releases:"1.23-1.31",message:"Address is required",paths:["spec"]},{kind:"cel",value:"self.startsWith(\"unix://\")?!self.endsWith(\"/\"):true",releases:"1.23-1.31",message:"UDS may not be a dir",paths:["spec.address"]},{kind:"cel",value:"self.startsWith(\"unix://\")?(self.substring(7,8)==\"/\"||self.substring(7,8)==\"@\"):true",releases:"1.23-1.31",message:"UDS must be an absolute path or abstract socket",paths:["spec.address"]},{kind:"maxLength",value:256,releases:"1.23-1.31",paths:["spec.address"]},{kind:"maxProperties",value:256,releases:"1.23-1.31",paths:["spec.labels"]},{kind:"maxLength",value:2048,releases:"1.23-1.31",paths:["spec.locality","spec.network"]},{kind:"cel",value:"self.all(key,size(key)<63&&key.matches(\"^[a-zA-Z0-9](?:[-a-zA-Z0-9]*[a-zA-Z0-9])?$\"))",releases:"1.23-1.31",message:"port name must be valid",paths:["spec.ports"]},{kind:"maxProperties",value:128,releases:"1.23-1.31",paths:["spec.ports"]},{kind:"cel",value:"0<self&&self<=65535",releases:"1.23-1.31",message:"port must be between 1-65535",paths:["spec.ports.*"]},{kind:"maximum",value:4294967295,releases:"1.22-1.31",paths:["spec.ports.*","spec.weight"]},{kind:"minimum",value:0,releases:"1.22-1.31",paths:["spec.ports.*","spec.weight"]},{kind:"maxLength",value:253,releases:"1.23-1.31",paths:["spec.serviceAccount"]}]}]},"networking.istio.io/WorkloadGroup":{family:"istio",versions:{v1:{served:"1.22-1.31",schema:0},v1beta1:{served:"1.20-1.31",schema:0},v1alpha3:{served:"1.20-1.31",schema:0}},schemas:[{releases:"1.20-1.31",tree:{spec:{metadata:{annotations:{"*":0},labels:{"*":0}},probe:{exec:{command:{"[]":0}},failureThreshold:0,grpc:{"@r":"1.25-1.31",port:0,service:0},httpGet:{host:0,httpHeaders:{"[]":{name:0,value:0}},path:0,port:0,scheme:0},initialDelaySeconds:0,periodSeconds:0,successThreshold:0,tcpSocket:{host:0,port:0},timeoutSeconds:0},template:{address:0,labels:{"*":0},locality:0,network:0,ports:{"*":0},serviceAccount:0,weight:0}}},rules:[{kind:"required",value:"spec",releases:"1.24-1.31",paths:[""]},{kind:"maxProperties",value:256,releases:"1.24-1.31",paths:["spec.metadata.annotations","spec.metadata.labels"]},{kind:"oneOf",value:["httpGet","tcpSocket","exec","grpc"],releases:"1.25-1.31",paths:["spec.probe"]},{kind:"oneOf",value:["httpGet","tcpSocket","exec"],releases:"1.20-1.24",paths:["spec.probe"]},{kind:"required",value:"command",releases:"1.24-1.31",paths:["spec.probe.exec"]},{kind:"minLength",value:1,releases:"1.24-1.31",paths:["spec.probe.exec.command[]"]},{kind:"minimum",value:0,releases:"1.24-1.31",paths:["spec.probe.failureThreshold","spec.probe.initialDelaySeconds","spec.probe.periodSeconds","spec.probe.successThreshold","spec.probe.timeoutSeconds"]},{kind:"pattern",value:"^[-_A-Za-z0-9]+$",releases:"1.24-1.31",paths:["spec.probe.httpGet.httpHeaders[].name"]},{kind:"cel",value:"0<self&&self<=65535",releases:"1.24-1.31",message:"port must be between 1-65535",paths:["spec.probe.httpGet.port","spec.probe.tcpSocket.port"]},{kind:"maximum",value:4294967295,releases:"1.22-1.31",paths:["spec.probe.httpGet.port","spec.probe.tcpSocket.port","spec.template.ports.*","spec.template.weight"]},{kind:"minimum",value:0,releases:"1.22-1.31",paths:["spec.probe.httpGet.port","spec.probe.tcpSocket.port","spec.template.ports.*","spec.template.weight"]},{kind:"cel",value:"self in[\"\",\"HTTP\",\"HTTPS\"]",releases:"1.24-1.31",message:"scheme must be one of [HTTP, HTTPS]",paths:["spec.probe.httpGet.scheme"]},{kind:"cel",value:"(has(self.address)&&self.address.startsWith(\"unix://\"))?!has(self.ports):true",releases:"1.23-1.24",message:"UDS may not include ports",paths:["spec.template"]},{kind:"cel",value:"(has(self.address)?self.address:\"\").startsWith(\"unix://\")?!has(self.ports):true",releases:"1.25-1.31",message:"UDS may not include ports",paths:["spec.template"]},{kind:"cel",value:"self.startsWith(\"unix://\")?!self.endsWith(\"/\"):true",releases:"1.23-1.31",message:"UDS may not be a dir",paths:["spec.template.address"]},{kind:"cel",value:"self.startsWith(\"unix://\")?(self.substring(7,8)==\"/\"||self.substring(7,8)==\"@\"):true",releases:"1.23-1.31",message:"UDS must be an absolute path or abstract socket",paths:["spec.template.address"]},{kind:"maxLength",value:256,releases:"1.23-1.31",paths:["spec.template.address"]},{kind:"maxProperties",value:256,releases:"1.23-1.31",paths:["spec.template.labels"]},{kind:"maxLength",value:2048,releases:"1.23-1.31",paths:["spec.template.locality","spec.template.network"]},{kind:"cel",value:"self.all(key,size(key)<63&&key.matches(\"^[a-zA-Z0-9](?:[-a-zA-Z0-9]*[a-zA-Z0-9])?$\"))",releases:"1.23-1.31",message:"port name must be valid",paths:["spec.template.ports"]},{kind:"maxProperties",value:128,releases:"1.23-1.31",paths:["spec.template.ports"]},{kind:"cel",value:"0<self&&self<=65535",releases:"1.23-1.31",message:"port must be between 1-65535",paths:["spec.template.ports.*"]},{kind:"maxLength",value:253,releases:"1.23-1.31",paths:["spec.template.serviceAccount"]}]}]},"security.istio.io/AuthorizationPolicy":{family:"istio",versions:{v1:{served:"1.20-1.31",schema:0},v1beta1:{served:"1.20-1.31",schema:0}},schemas:[{releases:"1.20-1.31",tree:{spec:{action:{"@enum":{ALLOW:0,AUDIT:0,CUSTOM:0,DENY:0}},provider:{name:0},rules:{"[]":{from:{"[]":{source:{ipBlocks:{"[]":0},namespaces:{"[]":0},notIpBlocks:{"[]":0},notNamespaces:{"[]":0},notPrincipals:{"[]":0},notRemoteIpBlocks:{"[]":0},notRequestPrincipals:{"[]":0},notServiceAccounts:{"@r":"1.25-1.31","[]":0},notTrustDomains:{"@r":"1.30-1.31","[]":0},principals:{"[]":0},remoteIpBlocks:{"[]":0},requestPrincipals:{"[]":0},serviceAccounts:{"@r":"1.25-1.31","[]":0},trustDomains:{"@r":"1.30-1.31","[]":0}}}},to:{"[]":{operation:{hosts:{"[]":0},methods:{"[]":0},notHosts:{"[]":0},notMethods:{"[]":0},notPaths:{"[]":0},notPorts:{"[]":0},paths:{"[]":0},ports:{"[]":0}}}},when:{"[]":{key:0,notValues:{"[]":0},values:{"[]":0}}}}},selector:{matchLabels:{"*":0}},targetRef:{group:0,kind:0,name:0,namespace:0},targetRefs:{"@r":"1.22-1.31","[]":{group:0,kind:0,name:0,namespace:0}}}},rules:[{kind:"cel",value:"(has(self.selector)?1:0)+(has(self.targetRef)?1:0)+(has(self.targetRefs)?1:0)<=1",releases:"1.24-1.31",message:"only one of targetRefs or selector can be set",paths:["spec"]},{kind:"maxItems",value:512,releases:"1.25-1.31",paths:["spec.rules","spec.rules[].from"]},{kind:"cel",value:"(has(self.serviceAccounts)||has(self.notServiceAccounts))?(!has(self.principals)&&!has(self.notPrincipals)&&!has(self.namespaces)&&!has(self.notNamespaces)):true",releases:"1.25-1.31",message:"Cannot set serviceAccounts with namespaces or principals",paths:["spec.rules[].from[].source"]},{kind:"cel",value:"self.all(key,!key.contains(\"*\"))",releases:"1.23-1.31",message:"wildcard not allowed in label key match",paths:["spec.selector.matchLabels"]},{kind:"cel",value:"self.all(key,key.size()!=0)",releases:"1.23-1.31",message:"key must not be empty",paths:["spec.selector.matchLabels"]},{kind:"maxProperties",value:4096,releases:"1.23-1.31",paths:["spec.selector.matchLabels"]},{kind:"cel",value:"!self.contains(\"*\")",releases:"1.23-1.31",message:"wildcard not allowed in label value match",paths:["spec.selector.matchLabels.*"]},{kind:"maxLength",value:63,releases:"1.23-1.31",paths:["spec.selector.matchLabels.*","spec.targetRef.kind","spec.targetRefs[].kind"]},{kind:"cel",value:"[self.group,self.kind]in[[\"core\",\"Service\"],[\"\",\"Service\"],[\"gateway.networking.k8s.io\",\"Gateway\"],[\"networking.istio.io\",\"ServiceEntry\"]]",releases:"1.24",message:"Support kinds are core/Service, networking.istio.io/ServiceEntry, gateway.networking.k8s.io/Gateway",paths:["spec.targetRef","spec.targetRefs[]"]},{kind:"cel",value:"[self.group,self.kind]in[[\"core\",\"Service\"],[\"\",\"Service\"],[\"gateway.networking.k8s.io\",\"Gateway\"]]",releases:"1.23",message:"Support kinds are core/Service and gateway.networking.k8s.io/Gateway",paths:["spec.targetRef","spec.targetRefs[]"]},{kind:"required",value:"kind",releases:"1.23-1.31",paths:["spec.targetRef","spec.targetRefs[]"]},{kind:"required",value:"name",releases:"1.23-1.31",paths:["spec.targetRef","spec.targetRefs[]"]},{kind:"maxLength",value:253,releases:"1.23-1.31",paths:["spec.targetRef.group","spec.targetRef.name","spec.targetRefs[].group","spec.targetRefs[].name"]},{kind:"pattern",value:"^$|^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$",releases:"1.23-1.31",paths:["spec.targetRef.group","spec.targetRefs[].group"]},{kind:"minLength",value:1,releases:"1.23-1.31",paths:["spec.targetRef.kind","spec.targetRef.name","spec.targetRefs[].kind","spec.targetRefs[].name"]},{kind:"pattern",value:"^[a-zA-Z]([-a-zA-Z0-9]*[a-zA-Z0-9])?$",releases:"1.23-1.31",paths:["spec.targetRef.kind","spec.targetRefs[].kind"]},{kind:"cel",value:"self.size()==0",releases:"1.23-1.31",message:"cross namespace referencing is not currently supported",paths:["spec.targetRef.namespace","spec.targetRefs[].namespace"]},{kind:"maxItems",value:16,releases:"1.24-1.31",paths:["spec.targetRefs"]}]}]},"security.istio.io/PeerAuthentication":{family:"istio",versions:{v1:{served:"1.22-1.31",schema:0},v1beta1:{served:"1.20-1.31",schema:0}},schemas:[{releases:"1.20-1.31",tree:{spec:{mtls:{mode:{"@enum":{DISABLE:0,PERMISSIVE:0,STRICT:0,UNSET:0}}},portLevelMtls:{"*":{mode:{"@enum":{DISABLE:0,PERMISSIVE:0,STRICT:0,UNSET:0}}}},selector:{matchLabels:{"*":0}}}},rules:[{kind:"cel",value:"(has(self.selector)&&has(self.selector.matchLabels)&&self.selector.matchLabels.size()>0)||!has(self.portLevelMtls)",releases:"1.23-1.24",message:"portLevelMtls requires selector",paths:["spec"]},{kind:"cel",value:"has(self.portLevelMtls)?(((has(self.selector)&&has(self.selector.matchLabels))?self.selector.matchLabels:{}).size()>0):true",releases:"1.25-1.31",message:"portLevelMtls requires selector",paths:["spec"]},{kind:"cel",value:"self.all(key,0<int(key)&&int(key)<=65535)",releases:"1.23-1.31",message:"port must be between 1-65535",paths:["spec.portLevelMtls"]},{kind:"minProperties",value:1,releases:"1.23-1.31",paths:["spec.portLevelMtls"]},{kind:"cel",value:"self.all(key,!key.contains(\"*\"))",releases:"1.23-1.31",message:"wildcard not allowed in label key match",paths:["spec.selector.matchLabels"]},{kind:"cel",value:"self.all(key,key.size()!=0)",releases:"1.23-1.31",message:"key must not be empty",paths:["spec.selector.matchLabels"]},{kind:"maxProperties",value:4096,releases:"1.23-1.31",paths:["spec.selector.matchLabels"]},{kind:"cel",value:"!self.contains(\"*\")",releases:"1.23-1.31",message:"wildcard not allowed in label value match",paths:["spec.selector.matchLabels.*"]},{kind:"maxLength",value:63,releases:"1.23-1.31",paths:["spec.selector.matchLabels.*"]}]}]},"security.istio.io/RequestAuthentication":{family:"istio",versions:{v1:{served:"1.20-1.31",schema:0},v1beta1:{served:"1.20-1.31",schema:0}},schemas:[{releases:"1.20-1.31",tree:{spec:{jwtRules:{"[]":{audiences:{"[]":0},forwardOriginalToken:0,fromCookies:{"@r":"1.21-1.31","[]":0},fromHeaders:{"[]":{name:0,prefix:0}},fromParams:{"[]":0},issuer:0,jwks:0,jwksUri:0,jwks_uri:0,outputClaimToHeaders:{"[]":{claim:0,header:0}},outputPayloadToHeader:0,spaceDelimitedClaims:{"@r":"1.28-1.31","[]":0},timeout:"1.22-1.31"}},selector:{matchLabels:{"*":0}},targetRef:{group:0,kind:0,name:0,namespace:0},targetRefs:{"@r":"1.22-1.31","[]":{group:0,kind:0,name:0,namespace:0}}}},rules:[{kind:"cel",value:"(has(self.selector)?1:0)+(has(self.targetRef)?1:0)+(has(self.targetRefs)?1:0)<=1",releases:"1.23-1.31",message:"only one of targetRefs or selector can be set",paths:["spec"]},{kind:"maxItems",value:4096,releases:"1.23-1.31",paths:["spec.jwtRules"]},{kind:"cel",value:"(has(self.jwksUri)?1:0)+(has(self.jwks_uri)?1:0)+(has(self.jwks)?1:0)<=1",releases:"1.23-1.31",message:"only one of jwks or jwksUri can be set",paths:["spec.jwtRules[]"]},{kind:"required",value:"issuer",releases:"1.20-1.26",paths:["spec.jwtRules[]"]},{kind:"minLength",value:1,releases:"1.23-1.31",paths:["spec.jwtRules[].audiences[]","spec.jwtRules[].fromCookies[]","spec.jwtRules[].fromHeaders[].name","spec.jwtRules[].fromParams[]","spec.jwtRules[].issuer","spec.jwtRules[].jwksUri","spec.jwtRules[].jwks_uri","spec.jwtRules[].outputClaimToHeaders[].claim","spec.jwtRules[].outputClaimToHeaders[].header","spec.targetRef.kind","spec.targetRef.name","spec.targetRefs[].kind","spec.targetRefs[].name"]},{kind:"cel",value:"url(self).getScheme()in[\"http\",\"https\"]",releases:"1.23-1.31",message:"url must have scheme http:// or https://",paths:["spec.jwtRules[].jwksUri","spec.jwtRules[].jwks_uri"]},{kind:"maxLength",value:2048,releases:"1.23-1.31",paths:["spec.jwtRules[].jwksUri","spec.jwtRules[].jwks_uri"]},{kind:"required",value:"claim",releases:"1.23-1.31",paths:["spec.jwtRules[].outputClaimToHeaders[]"]},{kind:"required",value:"header",releases:"1.23-1.31",paths:["spec.jwtRules[].outputClaimToHeaders[]"]},{kind:"pattern",value:"^[-_A-Za-z0-9]+$",releases:"1.23-1.31",paths:["spec.jwtRules[].outputClaimToHeaders[].header"]},{kind:"cel",value:"duration(self)>=duration(\"1ms\")",releases:"1.23-1.31",message:"must be a valid duration greater than 1ms",paths:["spec.jwtRules[].timeout"]},{kind:"cel",value:"self.all(key,!key.contains(\"*\"))",releases:"1.23-1.31",message:"wildcard not allowed in label key match",paths:["spec.selector.matchLabels"]},{kind:"cel",value:"self.all(key,key.size()!=0)",releases:"1.23-1.31",message:"key must not be empty",paths:["spec.selector.matchLabels"]},{kind:"maxProperties",value:4096,releases:"1.23-1.31",paths:["spec.selector.matchLabels"]},{kind:"cel",value:"!self.contains(\"*\")",releases:"1.23-1.31",message:"wildcard not allowed in label value match",paths:["spec.selector.matchLabels.*"]},{kind:"maxLength",value:63,releases:"1.23-1.31",paths:["spec.selector.matchLabels.*","spec.targetRef.kind","spec.targetRefs[].kind"]},{kind:"cel",value:"[self.group,self.kind]in[[\"core\",\"Service\"],[\"\",\"Service\"],[\"gateway.networking.k8s.io\",\"Gateway\"],[\"networking.istio.io\",\"ServiceEntry\"]]",releases:"1.24",message:"Support kinds are core/Service, networking.istio.io/ServiceEntry, gateway.networking.k8s.io/Gateway",paths:["spec.targetRef","spec.targetRefs[]"]},{kind:"cel",value:"[self.group,self.kind]in[[\"core\",\"Service\"],[\"\",\"Service\"],[\"gateway.networking.k8s.io\",\"Gateway\"]]",releases:"1.23",message:"Support kinds are core/Service and gateway.networking.k8s.io/Gateway",paths:["spec.targetRef","spec.targetRefs[]"]},{kind:"required",value:"kind",releases:"1.23-1.31",paths:["spec.targetRef","spec.targetRefs[]"]},{kind:"required",value:"name",releases:"1.23-1.31",paths:["spec.targetRef","spec.targetRefs[]"]},{kind:"maxLength",value:253,releases:"1.23-1.31",paths:["spec.targetRef.group","spec.targetRef.name","spec.targetRefs[].group","spec.targetRefs[].name"]},{kind:"pattern",value:"^$|^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$",releases:"1.23-1.31",paths:["spec.targetRef.group","spec.targetRefs[].group"]},{kind:"pattern",value:"^[a-zA-Z]([-a-zA-Z0-9]*[a-zA-Z0-9])?$",releases:"1.23-1.31",paths:["spec.targetRef.kind","spec.targetRefs[].kind"]},{kind:"cel",value:"self.size()==0",releases:"1.23-1.31",message:"cross namespace referencing is not currently supported",paths:["spec.targetRef.namespace","spec.targetRefs[].namespace"]},{kind:"maxItems",value:16,releases:"1.24-1.31",paths:["spec.targetRefs"]}]}]},"telemetry.istio.io/Telemetry":{family:"istio",versions:{v1:{served:"1.22-1.31",schema:0},v1alpha1:{served:"1.20-1.31",schema:0}},schemas:[{releases:"1.20-1.31",tree:{spec:{accessLogging:{"[]":{disabled:0,filter:{expression:0},match:{mode:{"@enum":{CLIENT:0,CLIENT_AND_SERVER:0,SERVER:0}}},providers:{"[]":{name:0}}}},metrics:{"[]":{overrides:{"[]":{disabled:0,match:{customMetric:0,metric:{"@enum":{ALL_METRICS:0,GRPC_REQUEST_MESSAGES:0,GRPC_RESPONSE_MESSAGES:0,REQUEST_COUNT:0,REQUEST_DURATION:0,REQUEST_SIZE:0,RESPONSE_SIZE:0,TCP_CLOSED_CONNECTIONS:0,TCP_OPENED_CONNECTIONS:0,TCP_RECEIVED_BYTES:0,TCP_SENT_BYTES:0}},mode:{"@enum":{CLIENT:0,CLIENT_AND_SERVER:0,SERVER:0}}},tagOverrides:{"*":{operation:{"@enum":{REMOVE:0,UPSERT:0}},value:0}}}},providers:{"[]":{name:0}},reportingInterval:0}},selector:{matchLabels:{"*":0}},targetRef:{group:0,kind:0,name:0,namespace:0},targetRefs:{"@r":"1.22-1.31","[]":{group:0,kind:0,name:0,namespace:0}},tracing:{"[]":{customTags:{"*":{environment:{defaultValue:0,name:0},formatter:{"@r":"1.29-1.31",value:0},header:{defaultValue:0,name:0},literal:{value:0}}},disableContextPropagation:"1.30-1.31",disableSpanReporting:0,enableIstioTags:"1.25-1.31",match:{mode:{"@enum":{CLIENT:0,CLIENT_AND_SERVER:0,SERVER:0}}},providers:{"[]":{name:0}},randomSamplingPercentage:0,useRequestIdForTraceSampling:0}}}},rules:[{kind:"cel",value:"(has(self.selector)?1:0)+(has(self.targetRef)?1:0)+(has(self.targetRefs)?1:0)<=1",releases:"1.24-1.31",message:"only one of targetRefs or selector can be set",paths:["spec"]},{kind:"minLength",value:1,releases:"1.21-1.31",paths:["spec.accessLogging[].providers[].name","spec.metrics[].overrides[].match.customMetric","spec.metrics[].providers[].name","spec.tracing[].customTags.*.environment.name","spec.tracing[].customTags.*.header.name","spec.tracing[].customTags.*.literal.value","spec.tracing[].providers[].name"]},{kind:"cel",value:"((has(self.operation)?self.operation:\"\")==\"REMOVE\")?!has(self.value):true",releases:"1.21-1.31",message:"value must not be set when operation is REMOVE",paths:["spec.metrics[].overrides[].tagOverrides.*"]},{kind:"cel",value:"((has(self.operation)?self.operation:\"\")==\"UPSERT\")?(self.value!=\"\"):true",releases:"1.25-1.31",message:"value must be set when operation is UPSERT",paths:["spec.metrics[].overrides[].tagOverrides.*"]},{kind:"cel",value:"((has(self.operation)?self.operation:\"\")==\"UPSERT\")?self.value!=\"\":true",releases:"1.21-1.24",message:"value must be set when operation is UPSERT",paths:["spec.metrics[].overrides[].tagOverrides.*"]},{kind:"cel",value:"duration(self)>=duration(\"1ms\")",releases:"1.23-1.31",message:"must be a valid duration greater than 1ms",paths:["spec.metrics[].reportingInterval"]},{kind:"cel",value:"self.all(key,!key.contains(\"*\"))",releases:"1.23-1.31",message:"wildcard not allowed in label key match",paths:["spec.selector.matchLabels"]},{kind:"cel",value:"self.all(key,key.size()!=0)",releases:"1.23-1.31",message:"key must not be empty",paths:["spec.selector.matchLabels"]},{kind:"maxProperties",value:4096,releases:"1.23-1.31",paths:["spec.selector.matchLabels"]},{kind:"cel",value:"!self.contains(\"*\")",releases:"1.23-1.31",message:"wildcard not allowed in label value match",paths:["spec.selector.matchLabels.*"]},{kind:"maxLength",value:63,releases:"1.23-1.31",paths:["spec.selector.matchLabels.*","spec.targetRef.kind","spec.targetRefs[].kind"]},{kind:"cel",value:"[self.group,self.kind]in[[\"core\",\"Service\"],[\"\",\"Service\"],[\"gateway.networking.k8s.io\",\"Gateway\"],[\"networking.istio.io\",\"ServiceEntry\"]]",releases:"1.24",message:"Support kinds are core/Service, networking.istio.io/ServiceEntry, gateway.networking.k8s.io/Gateway",paths:["spec.targetRef","spec.targetRefs[]"]},{kind:"cel",value:"[self.group,self.kind]in[[\"core\",\"Service\"],[\"\",\"Service\"],[\"gateway.networking.k8s.io\",\"Gateway\"]]",releases:"1.23",message:"Support kinds are core/Service and gateway.networking.k8s.io/Gateway",paths:["spec.targetRef","spec.targetRefs[]"]},{kind:"required",value:"kind",releases:"1.23-1.31",paths:["spec.targetRef","spec.targetRefs[]"]},{kind:"required",value:"name",releases:"1.23-1.31",paths:["spec.targetRef","spec.targetRefs[]"]},{kind:"maxLength",value:253,releases:"1.23-1.31",paths:["spec.targetRef.group","spec.targetRef.name","spec.targetRefs[].group","spec.targetRefs[].name"]},{kind:"pattern",value:"^$|^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$",releases:"1.23-1.31",paths:["spec.targetRef.group","spec.targetRefs[].group"]},{kind:"minLength",value:1,releases:"1.23-1.31",paths:["spec.targetRef.kind","spec.targetRef.name","spec.targetRefs[].kind","spec.targetRefs[].name"]},{kind:"pattern",value:"^[a-zA-Z]([-a-zA-Z0-9]*[a-zA-Z0-9])?$",releases:"1.23-1.31",paths:["spec.targetRef.kind","spec.targetRefs[].kind"]},{kind:"cel",value:"self.size()==0",releases:"1.23-1.31",message:"cross namespace referencing is not currently supported",paths:["spec.targetRef.namespace","spec.targetRefs[].namespace"]},{kind:"maxItems",value:16,releases:"1.24-1.31",paths:["spec.targetRefs"]},{kind:"oneOf",value:["literal","environment","header","formatter"],releases:"1.29-1.31",paths:["spec.tracing[].customTags.*"]},{kind:"oneOf",value:["literal","environment","header"],releases:"1.20-1.28",paths:["spec.tracing[].customTags.*"]},{kind:"required",value:"name",releases:"1.21-1.31",paths:["spec.tracing[].customTags.*.environment","spec.tracing[].customTags.*.header"]},{kind:"required",value:"value",releases:"1.21-1.31",paths:["spec.tracing[].customTags.*.literal"]},{kind:"maximum",value:100,releases:"1.21-1.31",paths:["spec.tracing[].randomSamplingPercentage"]},{kind:"minimum",value:0,releases:"1.21-1.31",paths:["spec.tracing[].randomSamplingPercentage"]}]}]}};var indexData = {formatVersion:formatVersion,generatedBy:generatedBy,sources:sources,releases:releases,pins:pins,kinds:kinds};

// The committed schema index (data/schema-index.json, built by scripts/generate-schema-index.mjs),
// typed and compiled into lookup trees whose release sets are bitmasks over `releases`.
const SCHEMA_INDEX = indexData;
/** The index compiled for lookups; build once (compileSchemaIndex caches per data object). */
class SchemaCatalog {
    data;
    releases;
    pins;
    kinds = new Map();
    releasePosition = new Map();
    /** apiVersion → kind name → kind (null: not in the index), filled as documents come. */
    lookup = new Map();
    constructor(data) {
        this.data = data;
        this.releases = data.releases;
        this.pins = data.pins;
        data.releases.forEach((r, i) => this.releasePosition.set(r, i));
        for (const [key, kind] of Object.entries(data.kinds))
            this.kinds.set(key, compileKind(key, kind, data.releases));
    }
    /** Position of a minor ('1.28') in `releases`, or -1. */
    releaseIndex(minor) {
        return this.releasePosition.get(minor) ?? -1;
    }
    /** The kind of an object's apiVersion + kind name, or undefined when the index does not cover it. */
    kindOf(apiVersion, kind) {
        // Two map lookups, no string building: this runs for every document of a repository.
        let byKind = this.lookup.get(apiVersion);
        if (!byKind) {
            byKind = new Map();
            this.lookup.set(apiVersion, byKind);
        }
        let found = byKind.get(kind);
        if (found === undefined) {
            const slash = apiVersion.lastIndexOf('/');
            found = (slash > 0 && this.kinds.get(`${apiVersion.slice(0, slash)}/${kind}`)) || null;
            byKind.set(kind, found);
        }
        return found ?? undefined;
    }
    /** '1.22-1.31' for a mask. */
    formatMask(mask) {
        return formatReleaseMask(mask, this.releases);
    }
    /** The releases of a mask, in order. */
    releasesOf(mask) {
        return this.releases.filter((_, i) => mask & (1 << i));
    }
}
const compiled$1 = new WeakMap();
function compileSchemaIndex(data = SCHEMA_INDEX) {
    let catalog = compiled$1.get(data);
    if (!catalog) {
        catalog = new SchemaCatalog(data);
        compiled$1.set(data, catalog);
    }
    return catalog;
}
/** '1.20-1.23,1.26' → bitmask over `releases`; '' → 0. */
function parseReleaseRanges(ranges, releases) {
    let mask = 0;
    if (ranges === '')
        return 0;
    for (const run of ranges.split(',')) {
        const [first, last = first] = run.split('-');
        const a = releases.indexOf(first);
        const b = releases.indexOf(last);
        if (a < 0 || b < a)
            throw new Error(`schema index: bad release range "${run}"`);
        for (let i = a; i <= b; i++)
            mask |= 1 << i;
    }
    return mask;
}
function formatReleaseMask(mask, releases) {
    const runs = [];
    for (let i = 0; i < releases.length; i++) {
        if (!(mask & (1 << i)))
            continue;
        let j = i;
        while (j + 1 < releases.length && mask & (1 << (j + 1)))
            j++;
        runs.push(i === j ? releases[i] : `${releases[i]}-${releases[j]}`);
        i = j;
    }
    return runs.join(',');
}
/** 'a.b[].*' → ['a', 'b', '[]', '*'] */
function schemaPathKeys(path) {
    return path === '' ? [] : path.replace(/\[\]/g, '.[]').split('.').filter((k) => k !== '');
}
function compileKind(key, data, releases) {
    const slash = key.lastIndexOf('/');
    const schemas = data.schemas.map((s) => {
        const mask = parseReleaseRanges(s.releases, releases);
        const root = compileTree(s.tree, mask, '', releases);
        attachRules(root, s.rules, releases);
        return { mask, root, versions: [] };
    });
    const versions = new Map();
    for (const [name, v] of Object.entries(data.versions)) {
        const served = parseReleaseRanges(v.served, releases);
        const schema = schemas[v.schema];
        schema.versions.push(name);
        versions.set(name, { name, served, standard: v.standard === undefined ? served : parseReleaseRanges(v.standard, releases), schema });
    }
    return { key, group: key.slice(0, slash), kind: key.slice(slash + 1), family: data.family, versions, schemas };
}
/**
 * Every node gets every field, in one order: the walk reads them for every YAML node, and objects of one shape
 * keep those reads monomorphic.
 */
function schemaNode(path, mask, open) {
    return { path, mask, open, props: undefined, items: undefined, values: undefined, enumValues: undefined, rules: undefined, experimental: 0, experimentalValues: undefined };
}
function compileTree(data, parentMask, path, releases) {
    if (data === 0)
        return schemaNode(path, parentMask, false);
    if (typeof data === 'string')
        return schemaNode(path, parseReleaseRanges(data, releases), false);
    const mask = data['@r'] === undefined ? parentMask : parseReleaseRanges(data['@r'], releases);
    const node = schemaNode(path, mask, data['@open'] === 1);
    if (data['@x'] !== undefined)
        node.experimental = parseReleaseRanges(data['@x'], releases);
    const xenum = data['@xenum'];
    if (xenum)
        node.experimentalValues = new Map(Object.entries(xenum).map(([value, range]) => [value, parseReleaseRanges(range, releases)]));
    const enumData = data['@enum'];
    if (enumData) {
        node.enumValues = new Map();
        for (const [value, range] of Object.entries(enumData))
            node.enumValues.set(value, range === 0 ? mask : parseReleaseRanges(range, releases));
    }
    for (const [key, child] of Object.entries(data)) {
        if (key.startsWith('@') || child === undefined)
            continue;
        const childData = child;
        if (key === '[]')
            node.items = compileTree(childData, mask, `${path}[]`, releases);
        else if (key === '*')
            node.values = compileTree(childData, mask, path ? `${path}.*` : '*', releases);
        else {
            node.props ??= new Map();
            node.props.set(key, compileTree(childData, mask, path ? `${path}.${key}` : key, releases));
        }
    }
    return node;
}
/** The node at a flattened schema path, or undefined. */
function schemaNodeAt(root, path) {
    let node = root;
    for (const k of schemaPathKeys(path)) {
        if (!node)
            return undefined;
        node = k === '[]' ? node.items : k === '*' ? node.values : node.props?.get(k);
    }
    return node;
}
function attachRules(root, rules, releases) {
    for (const r of rules) {
        const mask = parseReleaseRanges(r.releases, releases);
        for (const path of r.paths) {
            const node = schemaNodeAt(root, path);
            if (!node)
                throw new Error(`schema index: rule on unknown path "${path}"`);
            const rule = { kind: r.kind, value: r.value, mask, path };
            if (r.message !== undefined)
                rule.message = r.message;
            (node.rules ??= []).push(rule);
        }
    }
}

/** Replaces a scalar's text on its own line when it occurs there exactly once. */
function replaceValueFix(lines, node, oldText, newText, description) {
    if (node.line !== node.endLine)
        return undefined;
    const line = lines?.[node.line - 1];
    if (line === undefined || line.split(oldText).length !== 2)
        return undefined;
    return { description, edits: [{ startLine: node.line, endLine: node.line, replacement: line.replace(oldText, newText) }] };
}
/** Renames a map key on its own line, when the key text occurs there exactly once. */
function replaceKeyFix(lines, e, name) {
    const node = e.keyNode;
    if (node.line !== node.endLine)
        return undefined;
    const line = lines?.[node.line - 1];
    if (line === undefined)
        return undefined;
    const re = new RegExp(`(^|[\\s{,'"-])${e.key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?=['"]?\\s*:)`, 'g');
    const hits = [...line.matchAll(re)];
    if (hits.length !== 1)
        return undefined;
    const at = hits[0].index + hits[0][1].length;
    return { description: `Rename ${e.key} to ${name}`, edits: [{ startLine: node.line, endLine: node.line, replacement: line.slice(0, at) + name + line.slice(at + e.key.length) }] };
}
/**
 * The candidate nearest to `name` when close enough to be a typo. Unlike src/closest.ts, a tie gives no
 * answer and a swap of two letters counts once: this name becomes a rename fix, and a wrong one is worse than none.
 */
function nearestName(name, candidates) {
    const lower = name.toLowerCase();
    const limit = lower.length <= 4 ? 1 : lower.length <= 8 ? 2 : 3;
    let best;
    let bestScore = Infinity;
    let tie = false;
    for (const c of candidates) {
        const score = c.toLowerCase() === lower ? 0 : editDistance(lower, c.toLowerCase(), limit);
        if (score > limit)
            continue;
        if (score < bestScore) {
            best = c;
            bestScore = score;
            tie = false;
        }
        else if (score === bestScore)
            tie = true;
    }
    return tie ? undefined : best;
}
function editDistance(a, b, limit) {
    if (Math.abs(a.length - b.length) > limit)
        return limit + 1;
    const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...new Array(b.length).fill(0)]);
    for (let j = 1; j <= b.length; j++)
        d[0][j] = j;
    for (let i = 1; i <= a.length; i++) {
        for (let j = 1; j <= b.length; j++) {
            const cost = a[i - 1] === b[j - 1] ? 0 : 1;
            d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
            if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
                d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
    }
    return d[a.length][b.length];
}

// Static evaluation of the validations the schema index records: OpenAPI limits and the CEL rules
// we can decide exactly from a manifest. Anything we cannot decide yields no verdict (never a guess).
const isObj = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);
/** CEL has(): the field is set (a YAML null is pruned before validation). */
const has = (o, k) => o[k] !== undefined && o[k] !== null;
const chars = (s) => Array.from(s).length;
// ---------------------------------------------------------------------------------------------
// OpenAPI keywords
/** The evaluator of an OpenAPI keyword rule; undefined for kinds that need CEL or cannot be checked. */
function keywordEvaluator(kind, limit) {
    switch (kind) {
        case 'maxLength':
            return (v) => (typeof v === 'string' && chars(v) > limit ? { detail: `is longer than ${limit} characters` } : undefined);
        case 'minLength':
            return (v) => (typeof v === 'string' && chars(v) < limit ? { detail: limit === 1 ? 'must not be empty' : `is shorter than ${limit} characters` } : undefined);
        case 'maxItems':
            return (v) => (Array.isArray(v) && v.length > limit ? { detail: `has ${v.length} items, more than ${limit}`, at: limit } : undefined);
        case 'minItems':
            return (v) => (Array.isArray(v) && v.length < limit ? { detail: `has ${v.length} items, fewer than ${limit}` } : undefined);
        case 'maxProperties':
            return (v) => (isObj(v) && Object.keys(v).length > limit ? { detail: `has ${Object.keys(v).length} entries, more than ${limit}` } : undefined);
        case 'minProperties':
            return (v) => (isObj(v) && Object.keys(v).length < limit ? { detail: `has ${Object.keys(v).length} entries, fewer than ${limit}` } : undefined);
        case 'minimum':
            return (v) => (typeof v === 'number' && v < limit ? { detail: `is ${v}, below the minimum ${limit}` } : undefined);
        case 'maximum':
            return (v) => (typeof v === 'number' && v > limit ? { detail: `is ${v}, above the maximum ${limit}` } : undefined);
        case 'exclusiveMinimum':
        case 'exclusiveMaximum':
            // OpenAPI v3.0 booleans that modify minimum/maximum; not recorded on their own in practice.
            return undefined;
        case 'pattern': {
            let re;
            try {
                re = new RegExp(limit);
            }
            catch {
                return undefined;
            }
            return (v) => (typeof v === 'string' && !re.test(v) ? { detail: `does not match the pattern ${limit}` } : undefined);
        }
        case 'required':
            return (v) => (isObj(v) && !has(v, limit) ? { detail: `lacks the required field ${limit}` } : undefined);
        case 'oneOf': {
            const names = limit;
            return (v) => {
                if (!isObj(v))
                    return undefined;
                const set = names.filter((n) => has(v, n));
                return set.length > 1 ? { detail: `sets ${set.join(' and ')}, but at most one of ${names.join(', ')} is allowed`, at: set[1] } : undefined;
            };
        }
        case 'listType': {
            const [type, ...keys] = limit;
            return (v) => {
                if (!Array.isArray(v))
                    return undefined;
                const seen = new Set();
                for (let i = 0; i < v.length; i++) {
                    const item = v[i];
                    let id;
                    if (type === 'set')
                        id = JSON.stringify(item);
                    else {
                        // Items missing a key may be defaulted by the server: undecidable here.
                        if (!isObj(item) || keys.some((k) => !has(item, k)))
                            return undefined;
                        id = JSON.stringify(keys.map((k) => item[k]));
                    }
                    if (seen.has(id))
                        return { detail: type === 'set' ? `repeats the item ${JSON.stringify(item)}` : `repeats an item with the same ${keys.join('/')}`, at: i };
                    seen.add(id);
                }
                return undefined;
            };
        }
        case 'cel':
            return celEvaluator(limit);
    }
}
/** Go duration (as CEL's duration() parses it) in milliseconds, or undefined when it is not one. */
function parseDuration(text) {
    const units = { ns: 1e-6, us: 1e-3, 'µs': 1e-3, 'μs': 1e-3, ms: 1, s: 1e3, m: 6e4, h: 3.6e6 };
    const m = /^([-+]?)((?:\d+(?:\.\d*)?|\.\d+)(?:ns|us|µs|μs|ms|s|m|h))+$/.exec(text);
    if (!m)
        return text === '0' ? 0 : undefined;
    let total = 0;
    const re = /(\d+(?:\.\d*)?|\.\d+)(ns|us|µs|μs|ms|s|m|h)/g;
    let part;
    while ((part = re.exec(text)) !== null)
        total += Number(part[1]) * units[part[2]];
    return m[1] === '-' ? -total : total;
}
const str = (v) => typeof v === 'string';
const fail = (detail, at) => (at === undefined ? { detail } : { detail, at });
/** k8s-style `[self.group, self.kind] in [[…]]` lists, parsed from the rule text. */
function groupKindListEvaluator(text) {
    const m = /^\[self\.group,self\.kind\]in\[((?:\["[^"]*","[^"]*"\],?)+)\]$/.exec(text);
    if (!m)
        return undefined;
    const pairs = [...m[1].matchAll(/\["([^"]*)","([^"]*)"\]/g)].map((p) => `${p[1]}/${p[2]}`);
    return (v) => {
        // An unset group or kind makes CEL fail with "no such key"; we do not claim what the server says then.
        if (!isObj(v) || !str(v.group) || !str(v.kind))
            return undefined;
        return pairs.includes(`${v.group}/${v.kind}`) ? undefined : fail(`refers to ${v.group || 'core'}/${v.kind}, which this release does not accept as a target`, 'kind');
    };
}
/** `(has(self.a)?1:0)+(has(self.b)?1:0)…<=1`: at most one of the fields. */
function atMostOneEvaluator(text) {
    if (!/^(?:\(has\(self\.\w+\)\?1:0\)\+)+\(has\(self\.\w+\)\?1:0\)<=1$/.test(text))
        return undefined;
    const names = [...text.matchAll(/has\(self\.(\w+)\)/g)].map((m) => m[1]);
    return (v) => {
        if (!isObj(v))
            return undefined;
        const set = names.filter((n) => has(v, n));
        return set.length > 1 ? fail(`sets both ${set.join(' and ')}`, set[1]) : undefined;
    };
}
/** `self.all(key, key.matches(r"""…"""))` over map keys. */
function keysMatchEvaluator(text) {
    const m = /^self\.all\(key,key\.matches\(r"""(.*)"""\)\)$/.exec(text);
    if (!m)
        return undefined;
    let re;
    try {
        re = new RegExp(m[1]);
    }
    catch {
        return undefined;
    }
    return (v) => {
        if (!isObj(v))
            return undefined;
        const bad = Object.keys(v).find((k) => !re.test(k));
        return bad === undefined ? undefined : fail(`has the key ${JSON.stringify(bad)}`, bad);
    };
}
const LABEL_NAME = /^[a-zA-Z0-9](?:[-a-zA-Z0-9]*[a-zA-Z0-9])?$/;
const DNS1123 = /^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*)$/;
const udsNoPorts = (v) => (isObj(v) && str(v.address) && v.address.startsWith('unix://') && has(v, 'ports') ? fail('sets ports on a unix domain socket address', 'ports') : undefined);
const noneResolutionNoEndpoints = (v) => {
    if (!isObj(v) || !has(v, 'endpoints'))
        return undefined;
    const resolution = has(v, 'resolution') ? v.resolution : 'NONE';
    return resolution === 'NONE' ? fail('sets endpoints while resolution is NONE (or unset)', 'endpoints') : undefined;
};
const cidrNeedsStaticOrNone = (v) => {
    if (!isObj(v) || !Array.isArray(v.addresses) || !v.addresses.some((a) => str(a) && a.includes('/')))
        return undefined;
    const resolution = has(v, 'resolution') ? v.resolution : 'NONE';
    return resolution === 'STATIC' || resolution === 'NONE' ? undefined : fail(`uses a CIDR address with resolution ${String(resolution)}`, 'addresses');
};
const portLevelMtlsNeedsSelector = (v) => {
    if (!isObj(v) || !has(v, 'portLevelMtls'))
        return undefined;
    const labels = isObj(v.selector) && isObj(v.selector.matchLabels) ? v.selector.matchLabels : {};
    return Object.keys(labels).length > 0 ? undefined : fail('sets portLevelMtls without a selector with matchLabels', 'portLevelMtls');
};
const tagOverrideUpsertNeedsValue = (v) => {
    // An unset value makes CEL fail with "no such key": left undecided.
    if (!isObj(v) || (has(v, 'operation') ? v.operation : '') !== 'UPSERT' || !str(v.value))
        return undefined;
    return v.value === '' ? fail('has operation UPSERT with an empty value', 'value') : undefined;
};
const uniqueNames = (v) => {
    if (!Array.isArray(v))
        return undefined;
    const seen = new Set();
    for (let i = 0; i < v.length; i++) {
        const item = v[i];
        if (!isObj(item) || !has(item, 'name'))
            continue;
        if (seen.has(item.name))
            return fail(`repeats the name ${JSON.stringify(item.name)}`, i);
        seen.add(item.name);
    }
    return undefined;
};
const uniqueBy = (field, what) => (v) => {
    if (!Array.isArray(v) || !v.every((item) => isObj(item) && has(item, field)))
        return undefined;
    const seen = new Set();
    for (let i = 0; i < v.length; i++) {
        const key = JSON.stringify(v[i][field]);
        if (seen.has(key))
            return fail(`repeats the ${what} ${key}`, i);
        seen.add(key);
    }
    return undefined;
};
const wildcardOnlyAlone = (v) => (Array.isArray(v) && v.includes('*') && v.length > 1 ? fail('lists "*" together with other values') : undefined);
const hostnames = (test, what) => (v) => {
    if (!Array.isArray(v))
        return undefined;
    const i = v.findIndex((h) => str(h) && !test(h));
    return i === -1 ? undefined : fail(`has ${what} ${JSON.stringify(v[i])}`, i);
};
const CEL_EVALUATORS = [
    {
        id: 'duration-at-least-1ms',
        texts: ['duration(self)>=duration("1ms")'],
        check: (v) => {
            const ms = str(v) ? parseDuration(v) : undefined;
            return ms !== undefined && ms < 1 ? fail(`is ${v}, shorter than 1ms`) : undefined;
        }
    },
    { id: 'no-wildcard-in-label-value', texts: ['!self.contains("*")'], check: (v) => (str(v) && v.includes('*') ? fail(`contains a wildcard (${JSON.stringify(v)})`) : undefined) },
    {
        id: 'no-wildcard-in-label-key',
        texts: ['self.all(key,!key.contains("*"))'],
        check: (v) => {
            const bad = isObj(v) ? Object.keys(v).find((k) => k.includes('*')) : undefined;
            return bad === undefined ? undefined : fail(`has the wildcard key ${JSON.stringify(bad)}`, bad);
        }
    },
    {
        id: 'no-empty-label-key',
        texts: ['self.all(key,key.size()!=0)'],
        check: (v) => (isObj(v) && Object.keys(v).includes('') ? fail('has an empty key', '') : undefined)
    },
    { id: 'no-cross-namespace-target', texts: ['self.size()==0'], check: (v) => (str(v) && v.length > 0 ? fail(`names the namespace ${JSON.stringify(v)}`) : undefined) },
    {
        id: 'port-1-65535',
        texts: ['0<self&&self<=65535'],
        check: (v) => (typeof v === 'number' && !(v > 0 && v <= 65535) ? fail(`is ${v}, outside 1-65535`) : undefined)
    },
    {
        id: 'port-keys-1-65535',
        texts: ['self.all(key,0<int(key)&&int(key)<=65535)'],
        check: (v) => {
            if (!isObj(v))
                return undefined;
            // int() of a non-number fails in CEL: undecided, so only numeric keys are judged.
            const bad = Object.keys(v).find((k) => /^-?\d+$/.test(k) && !(Number(k) > 0 && Number(k) <= 65535));
            return bad === undefined ? undefined : fail(`has the port ${bad}, outside 1-65535`, bad);
        }
    },
    {
        id: 'port-name-valid',
        texts: ['self.all(key,size(key)<63&&key.matches("^[a-zA-Z0-9](?:[-a-zA-Z0-9]*[a-zA-Z0-9])?$"))'],
        check: (v) => {
            const bad = isObj(v) ? Object.keys(v).find((k) => !(chars(k) < 63 && LABEL_NAME.test(k))) : undefined;
            return bad === undefined ? undefined : fail(`has the port name ${JSON.stringify(bad)}`, bad);
        }
    },
    { id: 'address-or-network', texts: ['has(self.address)||has(self.network)'], check: (v) => (isObj(v) && !has(v, 'address') && !has(v, 'network') ? fail('sets neither address nor network') : undefined) },
    {
        id: 'uds-no-ports',
        texts: ['(has(self.address)&&self.address.startsWith("unix://"))?!has(self.ports):true', '(has(self.address)?self.address:"").startsWith("unix://")?!has(self.ports):true'],
        check: udsNoPorts
    },
    { id: 'uds-not-dir', texts: ['self.startsWith("unix://")?!self.endsWith("/"):true'], check: (v) => (str(v) && v.startsWith('unix://') && v.endsWith('/') ? fail(`is a directory socket path (${v})`) : undefined) },
    {
        id: 'uds-absolute',
        texts: ['self.startsWith("unix://")?(self.substring(7,8)=="/"||self.substring(7,8)=="@"):true'],
        // "unix://" alone makes substring() fail: left undecided.
        check: (v) => (str(v) && v.startsWith('unix://') && v.length > 7 && v[7] !== '/' && v[7] !== '@' ? fail(`is not an absolute or abstract socket path (${v})`) : undefined)
    },
    { id: 'host-not-wildcard', texts: ['self!="*"'], check: (v) => (v === '*' ? fail('is "*"') : undefined) },
    { id: 'unique-port-numbers', texts: ['self.all(l1,self.exists_one(l2,l1.number==l2.number))'], check: uniqueBy('number', 'port number') },
    {
        id: 'none-resolution-no-endpoints',
        texts: ['(!has(self.resolution)||self.resolution=="NONE")?!has(self.endpoints):true', '((has(self.resolution)?self.resolution:"NONE")=="NONE")?!has(self.endpoints):true'],
        check: noneResolutionNoEndpoints
    },
    {
        id: 'dns-round-robin-one-endpoint',
        texts: ['(has(self.resolution)&&self.resolution=="DNS_ROUND_ROBIN")?(!has(self.endpoints)||size(self.endpoints)==1):true'],
        check: (v) => (isObj(v) && v.resolution === 'DNS_ROUND_ROBIN' && Array.isArray(v.endpoints) && v.endpoints.length !== 1 ? fail(`has ${v.endpoints.length} endpoints with resolution DNS_ROUND_ROBIN`, 'endpoints') : undefined)
    },
    {
        id: 'dns-round-robin-one-endpoint',
        texts: ['((has(self.resolution)?self.resolution:"")=="DNS_ROUND_ROBIN")?((has(self.endpoints)?self.endpoints:[]).size()<=1):true'],
        check: (v) => (isObj(v) && v.resolution === 'DNS_ROUND_ROBIN' && Array.isArray(v.endpoints) && v.endpoints.length > 1 ? fail(`has ${v.endpoints.length} endpoints with resolution DNS_ROUND_ROBIN`, 'endpoints') : undefined)
    },
    {
        id: 'cidr-needs-static-or-none',
        texts: [
            '!(has(self.addresses)&&self.addresses.exists(k,k.contains("/"))&&(has(self.resolution)&&self.resolution!="STATIC"&&self.resolution!="NONE"))',
            '!((has(self.addresses)?self.addresses:[]).exists(k,k.contains("/"))&&!((has(self.resolution)?self.resolution:"NONE")in["STATIC","NONE"]))'
        ],
        check: cidrNeedsStaticOrNone
    },
    {
        id: 'port-level-mtls-needs-selector',
        texts: [
            '(has(self.selector)&&has(self.selector.matchLabels)&&self.selector.matchLabels.size()>0)||!has(self.portLevelMtls)',
            'has(self.portLevelMtls)?(((has(self.selector)&&has(self.selector.matchLabels))?self.selector.matchLabels:{}).size()>0):true'
        ],
        check: portLevelMtlsNeedsSelector
    },
    {
        id: 'service-accounts-exclusive',
        texts: ['(has(self.serviceAccounts)||has(self.notServiceAccounts))?(!has(self.principals)&&!has(self.notPrincipals)&&!has(self.namespaces)&&!has(self.notNamespaces)):true'],
        check: (v) => {
            if (!isObj(v) || !(has(v, 'serviceAccounts') || has(v, 'notServiceAccounts')))
                return undefined;
            const other = ['principals', 'notPrincipals', 'namespaces', 'notNamespaces'].find((k) => has(v, k));
            return other ? fail(`combines serviceAccounts with ${other}`, other) : undefined;
        }
    },
    {
        id: 'tag-override-remove-no-value',
        texts: ['((has(self.operation)?self.operation:"")=="REMOVE")?!has(self.value):true'],
        check: (v) => (isObj(v) && v.operation === 'REMOVE' && has(v, 'value') ? fail('sets a value with operation REMOVE', 'value') : undefined)
    },
    {
        id: 'tag-override-upsert-value',
        texts: ['((has(self.operation)?self.operation:"")=="UPSERT")?self.value!="":true', '((has(self.operation)?self.operation:"")=="UPSERT")?(self.value!=""):true'],
        check: tagOverrideUpsertNeedsValue
    },
    { id: 'probe-scheme', texts: ['self in["","HTTP","HTTPS"]'], check: (v) => (str(v) && !['', 'HTTP', 'HTTPS'].includes(v) ? fail(`is ${JSON.stringify(v)}, not HTTP or HTTPS`) : undefined) },
    {
        id: 'jwks-uri-http',
        texts: ['url(self).getScheme()in["http","https"]'],
        check: (v) => {
            if (!str(v))
                return undefined;
            const m = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(v);
            // Without a scheme url() may fail to parse; only a parsed, wrong scheme is a verdict.
            return m && !['http', 'https'].includes(m[1]) ? fail(`uses the scheme ${m[1]}`) : undefined;
        }
    },
    {
        id: 'waypoint-match-needs-waypoint-context',
        texts: ['has(self.context)?((self.context=="WAYPOINT")?has(self.waypoint):!has(self.waypoint)):!has(self.waypoint)'],
        check: (v) => {
            if (!isObj(v))
                return undefined;
            const waypointContext = v.context === 'WAYPOINT';
            if (waypointContext && !has(v, 'waypoint'))
                return fail('has context WAYPOINT without a waypoint match', 'context');
            if (!waypointContext && has(v, 'waypoint'))
                return fail('sets a waypoint match outside context WAYPOINT', 'waypoint');
            return undefined;
        }
    },
    { id: 'wildcard-alone', texts: ['!("*" in self&&self.size()>1)'], check: wildcardOnlyAlone },
    {
        id: 'one-cors-filter',
        texts: ['self.filter(f,f.type=="CORS").size()<=1'],
        check: (v) => {
            if (!Array.isArray(v))
                return undefined;
            const cors = v.flatMap((f, i) => (isObj(f) && f.type === 'CORS' ? [i] : []));
            return cors.length > 1 ? fail('has more than one CORS filter', cors[1]) : undefined;
        }
    },
    { id: 'cors-filter-needs-cors', texts: ['!(!has(self.cors)&&self.type=="CORS")'], check: (v) => (isObj(v) && v.type === 'CORS' && !has(v, 'cors') ? fail('has type CORS without cors', 'type') : undefined) },
    { id: 'cors-only-for-cors-filter', texts: ['!(has(self.cors)&&self.type!="CORS")'], check: (v) => (isObj(v) && str(v.type) && v.type !== 'CORS' && has(v, 'cors') ? fail(`sets cors on a ${v.type} filter`, 'cors') : undefined) },
    { id: 'mirror-percent-or-fraction', texts: ['!(has(self.percent)&&has(self.fraction))'], check: (v) => (isObj(v) && has(v, 'percent') && has(v, 'fraction') ? fail('sets both percent and fraction', 'fraction') : undefined) },
    { id: 'unique-rule-names', texts: ['self.all(l1,!has(l1.name)||self.exists_one(l2,has(l2.name)&&l1.name==l2.name))'], check: uniqueNames },
    {
        id: 'listener-tls-required',
        texts: ['self.all(l,l.protocol in["HTTPS","TLS"]?has(l.tls):true)'],
        check: (v) => {
            if (!Array.isArray(v))
                return undefined;
            const i = v.findIndex((l) => isObj(l) && (l.protocol === 'HTTPS' || l.protocol === 'TLS') && !has(l, 'tls'));
            return i === -1 ? undefined : fail(`has a ${v[i].protocol} listener without tls`, i);
        }
    },
    { id: 'hostname-not-ip', texts: ['self.all(h,!isIP(h))'], check: hostnames((h) => isIP(h) === 0, 'the IP address') },
    {
        id: 'hostname-rfc1123',
        texts: ['self.all(h,!h.contains("*")?h.matches("^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\\\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*)$"):true)'],
        check: hostnames((h) => h.includes('*') || DNS1123.test(h), 'the invalid hostname')
    },
    {
        id: 'hostname-wildcard-first-label',
        texts: ['self.all(h,h.contains("*")?(h.startsWith("*.")&&h.substring(2).matches("^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\\\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*)$")):true)'],
        check: hostnames((h) => !h.includes('*') || (h.startsWith('*.') && DNS1123.test(h.slice(2))), 'the invalid wildcard hostname')
    },
    {
        id: 'label-key-prefix-length',
        texts: ['self.all(key,key.split("/")[0].size()<253)'],
        check: (v) => {
            const bad = isObj(v) ? Object.keys(v).find((k) => chars(k.split('/')[0]) >= 253) : undefined;
            return bad === undefined ? undefined : fail('has a key whose prefix is 253 characters or longer', bad);
        }
    }
];
const celByText = new Map();
for (const e of CEL_EVALUATORS)
    for (const t of e.texts)
        celByText.set(t, e);
/** The evaluator id of a CEL text (shared by its rewrites), or undefined when we cannot evaluate it. */
function celRuleId(text) {
    const known = celByText.get(text);
    if (known)
        return known.id;
    if (groupKindListEvaluator(text))
        return 'target-kinds';
    if (atMostOneEvaluator(text))
        return `at-most-one:${[...text.matchAll(/has\(self\.(\w+)\)/g)].map((m) => m[1]).sort().join(',')}`;
    if (keysMatchEvaluator(text))
        return 'keys-match';
    return undefined;
}
function celEvaluator(text) {
    return celByText.get(text)?.check ?? groupKindListEvaluator(text) ?? atMostOneEvaluator(text) ?? keysMatchEvaluator(text);
}

// Schema compatibility: each Istio / Gateway API / Inference Extension resource against the CRDs of
// the target release (data/schema-index.json): served apiVersions, fields, enum values, validations.
const SCHEMA_RULES = {
    apiVersionNotServed: 'api-version-not-served',
    fieldNotInRelease: 'field-not-in-release',
    enumValueNotInRelease: 'enum-value-not-in-release',
    stricterValidation: 'stricter-validation',
    unknownField: 'unknown-field'
};
const SCHEMA_RULE_META = [
    { id: SCHEMA_RULES.apiVersionNotServed, description: 'The resource uses an apiVersion the target release does not serve (too new, or already removed).', defaultSeverity: 'error', fixable: true },
    { id: SCHEMA_RULES.fieldNotInRelease, description: 'A field the target release\'s CRD does not have yet, or no longer has.', defaultSeverity: 'error' },
    { id: SCHEMA_RULES.enumValueNotInRelease, description: 'An enum value the target release does not accept.', defaultSeverity: 'error' },
    { id: SCHEMA_RULES.stricterValidation, description: 'A value that a validation of the target release (limit, pattern, required field or CEL rule) rejects, where that validation differs between releases.', defaultSeverity: 'error' },
    { id: SCHEMA_RULES.unknownField, description: 'A field that no release of the CRD has: most likely a typo.', defaultSeverity: 'warning', fixable: true }
];
/** Root keys every object has; not part of the compatibility question. */
const ROOT_SKIP = new Set(['apiVersion', 'kind', 'metadata', 'status']);
/**
 * Istio API groups removed long before the oldest release istio-compat knows: no release from 1.20 on installs a
 * CRD for them, so the API server rejects every object (no matches for kind). Reported on any target.
 */
const REMOVED_GROUPS = {
    'config.istio.io': {
        what: 'the Mixer configuration API (handlers, instances, rules, adapters)',
        removed: '1.8',
        instead: 'use the Telemetry API, AuthorizationPolicy or WasmPlugin for what Mixer adapters did',
        source: 'https://istio.io/latest/news/releases/1.8.x/announcing-1.8/upgrade-notes/'
    },
    'rbac.istio.io': {
        what: 'the v1alpha1 RBAC API (ClusterRbacConfig, ServiceRole, ServiceRoleBinding)',
        removed: '1.6',
        instead: 'use security.istio.io AuthorizationPolicy',
        source: 'https://istio.io/latest/news/releases/1.6.x/announcing-1.6/upgrade-notes/'
    },
    'authentication.istio.io': {
        what: 'the v1alpha1 authentication policy API (Policy, MeshPolicy)',
        removed: '1.6',
        instead: 'use security.istio.io PeerAuthentication and RequestAuthentication',
        source: 'https://istio.io/latest/news/releases/1.6.x/announcing-1.6/upgrade-notes/'
    }
};
/**
 * Strategic merge patch directives (kustomize patches, kubectl patch): instructions to the merge, never fields
 * of the object: `$patch`, `$retainKeys`, `$setElementOrder/<list>`, `$deleteFromPrimitiveList/<list>`.
 */
const PATCH_DIRECTIVE = /^\$(?:patch|retainKeys)$|^\$(?:setElementOrder|deleteFromPrimitiveList)\//;
/** A map that a strategic merge patch deletes or replaces wholesale ({$patch: delete} in a list): not an object to validate. */
function isPatchMarker(pos) {
    return pos.entries.some((e) => e.key === '$patch' && e.value?.kind === 'scalar' && e.value.text === 'delete');
}
const NO_FINDINGS = [];
/** An analyzer over `data` (default: the committed index); the index is compiled on first use. */
function createSchemaAnalyzer(data) {
    let checker;
    return {
        meta: SCHEMA_RULE_META,
        check: (doc, ctx) => (checker ??= new SchemaChecker(compileSchemaIndex(data))).check(doc, ctx)
    };
}
/** The analyzer over the committed index. */
const schemaAnalyzer = createSchemaAnalyzer();
class SchemaChecker {
    catalog;
    compiledRules = new Map();
    byKindName = new Map();
    constructor(catalog) {
        this.catalog = catalog;
        for (const kind of catalog.kinds.values()) {
            const list = this.byKindName.get(kind.kind) ?? [];
            list.push(kind);
            this.byKindName.set(kind.kind, list);
        }
    }
    check(doc, ctx) {
        const resource = doc.resource;
        if (doc.kind !== 'resource' || !resource || doc.root?.kind !== 'map')
            return NO_FINDINGS;
        const kind = this.catalog.kindOf(resource.apiVersion, resource.kind);
        if (!kind)
            return this.removedGroup(doc, resource);
        const t = this.catalog.releaseIndex(ctx.target.minor);
        if (t < 0)
            return NO_FINDINGS;
        const st = {
            doc, resource, kind, t, bit: 1 << t, path: [], findings: [], files: ctx.files, standardOnly: false
        };
        const versionName = resource.apiVersion.slice(resource.apiVersion.lastIndexOf('/') + 1);
        const version = kind.versions.get(versionName);
        let schema = version?.schema;
        const standardChannel = kind.family === 'gateway-api' && ctx.gatewayApiChannel === 'standard';
        if (!version || !(version.served & st.bit)) {
            this.apiVersionNotServed(st, versionName, version);
            // Fields are still checked when a sibling apiVersion with the same schema is served (the fix moves there).
            if (!schema || !(schema.mask & st.bit))
                schema = undefined;
        }
        else if (standardChannel && !(version.standard & st.bit)) {
            this.apiVersionNotServed(st, versionName, version, true);
        }
        else if (standardChannel) {
            st.standardOnly = true;
        }
        if (schema)
            this.walk(doc.root, doc.value, schema.root, undefined, st, true);
        return st.findings.length > 1 ? dedupe(st.findings) : st.findings;
    }
    // ---- apiVersion ---------------------------------------------------------------------------
    removedGroup(doc, resource) {
        const slash = resource.apiVersion.lastIndexOf('/');
        const removed = slash > 0 ? REMOVED_GROUPS[resource.apiVersion.slice(0, slash)] : undefined;
        if (!removed)
            return NO_FINDINGS;
        const line = rootEntry(doc.root, 'apiVersion')?.value?.line ?? doc.line;
        const first = this.catalog.releases[0];
        const last = this.catalog.releases.at(-1);
        const message = `${resource.kind} ${resource.apiVersion} belongs to ${removed.what}, removed in Istio ${removed.removed}: no release from ${first} to ${last} has a CRD for it, so the API server rejects the object; ${removed.instead}.`;
        return [{ rule: SCHEMA_RULES.apiVersionNotServed, severity: 'error', message, file: doc.file, line, resource, path: 'apiVersion', source: removed.source }];
    }
    apiVersionNotServed(st, versionName, version, experimentalOnly = false) {
        const { kind, resource } = st;
        const entry = rootEntry(st.doc.root, 'apiVersion');
        const line = entry?.value?.line ?? st.doc.line;
        const servedHere = [...kind.versions.values()].filter((v) => v.served & st.bit && (!experimentalOnly || v.standard & st.bit));
        let message;
        if (experimentalOnly && version) {
            message = `${resource.kind} ${resource.apiVersion} is served by ${this.where(st.kind, st.t)} only in the experimental channel, and the cluster runs the standard channel (gateway-api-channel: standard)` +
                `${version.standard ? `; the standard channel serves it in ${this.catalog.formatMask(version.standard)}` : ''}.`;
        }
        else if (!version) {
            const all = [...kind.versions.keys()].map((v) => `${kind.group}/${v}`).join(', ');
            message = `${resource.kind} ${resource.apiVersion} is not served by any release from ${this.catalog.releases[0]} to ${this.catalog.releases.at(-1)}; known apiVersions: ${all}.`;
        }
        else {
            message = `${resource.kind} ${resource.apiVersion} is not served by ${this.where(st.kind, st.t)}; ${this.availability(kind, version.served, st.t)}.`;
        }
        const channel = (v) => (v.standard & st.bit ? '' : ' (experimental channel)');
        if (servedHere.length)
            message += ` ${this.where(st.kind, st.t)} serves ${servedHere.map((v) => `${kind.group}/${v.name}${channel(v)}`).join(', ')}.`;
        else {
            const others = (this.byKindName.get(kind.kind) ?? []).filter((k) => k !== kind && [...k.versions.values()].some((v) => v.served & st.bit));
            if (others.length)
                message += ` ${this.where(st.kind, st.t)} serves ${kind.kind} only as ${others.map((k) => [...k.versions.values()].filter((v) => v.served & st.bit).map((v) => `${k.group}/${v.name}`).join(', ')).join(', ')}, with a different schema.`;
            else if (kind.family === 'inference' && !this.catalog.pins[this.catalog.releases[st.t]]?.inference)
                message += ` Istio ${this.catalog.releases[st.t]} does not support the Gateway API Inference Extension.`;
        }
        const finding = this.finding(st, SCHEMA_RULES.apiVersionNotServed, line, message, 'apiVersion', this.source(kind, version ? firstOf(version.served, st.t) : st.t));
        const candidate = this.equivalentVersion(st, version);
        if (candidate && entry?.value) {
            const same = candidate.schema === version?.schema;
            const why = same ? `${this.where(st.kind, st.t)} serves it with the same schema as ${resource.apiVersion}` : `every field this resource sets exists there in ${this.where(st.kind, st.t)}`;
            const fix = replaceValueFix(fileLines(st), entry.value, resource.apiVersion, `${kind.group}/${candidate.name}`, `Use ${kind.group}/${candidate.name}: ${why}`);
            if (fix)
                finding.fix = fix;
        }
        st.findings.push(finding);
    }
    /** A served apiVersion of the same kind under which every field and enum value of the document exists in the target. */
    equivalentVersion(st, current) {
        // Same schema lineage first (identical wherever both are served), newest first; a Gateway API version only
        // the experimental channel serves is not offered: the cluster may well run the standard channel.
        const candidates = [...st.kind.versions.values()].filter((v) => v.standard & st.bit).sort((a, b) => Number(b.schema === current?.schema) - Number(a.schema === current?.schema));
        for (const v of candidates) {
            if (v.schema === current?.schema || fits(st.doc.root, st.doc.value, v.schema.root, st.bit, true))
                return v;
        }
        return undefined;
    }
    // ---- the walk -----------------------------------------------------------------------------
    walk(pos, value, node, keyLine, st, isRoot = false) {
        // Aliases are checked where their anchor is (walking them again would also open the door to alias bombs).
        if (!pos || pos.kind === 'alias')
            return;
        if (pos.kind === 'map' && isPatchMarker(pos))
            return;
        if (node.rules)
            this.checkRules(pos, value, node, keyLine, st);
        if (pos.kind === 'map') {
            if (node.props)
                this.walkProps(pos.entries, value, node, st, isRoot);
            else if (node.values) {
                const values = node.values;
                for (const e of pos.entries) {
                    if (e.key === '<<')
                        continue;
                    st.path.push(e.key);
                    this.walk(e.value, member(value, e.key), values, e.keyNode.line, st);
                    st.path.pop();
                }
            }
        }
        else if (pos.kind === 'seq') {
            const items = node.items;
            if (!items)
                return;
            for (let i = 0; i < pos.items.length; i++) {
                st.path.push(i);
                this.walk(pos.items[i], Array.isArray(value) ? value[i] : undefined, items, undefined, st);
                st.path.pop();
            }
        }
        else if (node.enumValues && typeof value === 'string') {
            this.checkEnum(pos, value, node, st);
        }
    }
    walkProps(entries, value, node, st, isRoot, own) {
        const props = node.props;
        for (const e of entries) {
            if (e.key === '<<') {
                this.walkMerge(e, entries, value, node, st, isRoot);
                continue;
            }
            // Keys merged in from an anchor lose against the map's own keys.
            if (own && own.some((o) => o.key === e.key))
                continue;
            if (isRoot && ROOT_SKIP.has(e.key))
                continue;
            if (PATCH_DIRECTIVE.test(e.key))
                continue;
            const child = props.get(e.key);
            st.path.push(e.key);
            if (!child) {
                if (!node.open)
                    this.unknownField(e, node, st, own ?? entries);
            }
            else if (!(child.mask & st.bit)) {
                if (!node.open)
                    this.fieldNotInRelease(e, child, st);
            }
            else if (st.standardOnly && child.experimental & st.bit && !node.open) {
                this.experimentalOnly(e.keyNode.line, formatPath(st.path), `a field of ${st.resource.kind}`, child.mask & ~child.experimental, st, e.value?.endLine);
            }
            else {
                this.walk(e.value, member(value, e.key), child, e.keyNode.line, st);
            }
            st.path.pop();
        }
    }
    walkMerge(entry, own, value, node, st, isRoot) {
        const source = entry.value?.kind === 'alias' ? entry.value.target : entry.value;
        const sources = source?.kind === 'seq' ? source.items.map((i) => (i.kind === 'alias' ? i.target : i)) : [source];
        for (const s of sources) {
            st.visitedMerges ??= new Set();
            if (s?.kind !== 'map' || st.visitedMerges.has(s))
                continue;
            st.visitedMerges.add(s);
            this.walkProps(s.entries, value, node, st, isRoot, own);
        }
    }
    checkEnum(pos, value, node, st) {
        const values = node.enumValues;
        const mask = values.get(value);
        if (mask !== undefined && mask & st.bit) {
            const experimental = st.standardOnly ? node.experimentalValues?.get(value) ?? 0 : 0;
            if (experimental & st.bit)
                this.experimentalOnly(pos.line, formatPath(st.path), `an allowed value (${value})`, mask & ~experimental, st, undefined, SCHEMA_RULES.enumValueNotInRelease);
            return;
        }
        const path = formatPath(st.path);
        let message;
        if (mask !== undefined) {
            message = `${path}: ${value} is not an allowed value in ${this.where(st.kind, st.t)}; ${this.availability(st.kind, mask, st.t)}.`;
        }
        else {
            const allowed = [...values].filter(([, m]) => m & st.bit).map(([v]) => v);
            const near = nearestName(value, [...values.keys()]);
            message = `${path}: ${value} is not an allowed value in any release; ${this.where(st.kind, st.t)} accepts ${allowed.join(', ')}${near ? ` (did you mean ${near}?)` : ''}.`;
        }
        st.findings.push(this.finding(st, SCHEMA_RULES.enumValueNotInRelease, pos.line, message, path, this.source(st.kind, mask !== undefined ? firstOf(mask, st.t) : st.t)));
    }
    fieldNotInRelease(e, child, st) {
        const path = formatPath(st.path);
        const message = `${path} is not a field of ${st.resource.kind} in ${this.where(st.kind, st.t)}; ${this.availability(st.kind, child.mask, st.t)}.`;
        st.findings.push(this.finding(st, SCHEMA_RULES.fieldNotInRelease, e.keyNode.line, message, path, this.source(st.kind, firstOf(child.mask, st.t)), e.value?.endLine));
    }
    /** A field or value the target's Gateway API CRDs have only in the experimental channel, for a cluster on the standard channel. */
    experimentalOnly(line, path, what, standardMask, st, endLine, rule = SCHEMA_RULES.fieldNotInRelease) {
        let later = -1;
        for (let i = st.t + 1; i < this.catalog.releases.length; i++)
            if (standardMask & (1 << i)) {
                later = i;
                break;
            }
        const message = `${path} is ${what} only in the experimental channel of ${this.where(st.kind, st.t)}, and the cluster runs the standard channel (gateway-api-channel: standard), whose CRD does not have it (kubectl rejects it, or the API server drops it)` +
            `${later >= 0 ? `; the standard channel has it from ${this.label(st.kind, later)}` : ''}.`;
        st.findings.push(this.finding(st, rule, line, message, path, this.source(st.kind, st.t), endLine));
    }
    unknownField(e, node, st, siblings) {
        const path = formatPath(st.path);
        const names = [...node.props.keys()];
        const near = nearestName(e.key, names);
        const first = this.catalog.releases[0];
        const last = this.catalog.releases.at(-1);
        const message = `${path} is not a field of ${st.resource.kind} in any release from ${first} to ${last}${near ? `; did you mean ${near}?` : '.'}`;
        const finding = this.finding(st, SCHEMA_RULES.unknownField, e.keyNode.line, message, path, undefined, e.value?.endLine);
        if (near) {
            const nearNode = node.props.get(near);
            if (nearNode.mask & st.bit && !siblings.some((s) => s.key === near)) {
                const fix = replaceKeyFix(fileLines(st), e, near);
                if (fix)
                    finding.fix = fix;
            }
        }
        st.findings.push(finding);
    }
    // ---- validations --------------------------------------------------------------------------
    checkRules(pos, value, node, keyLine, st) {
        for (const c of this.rulesOf(node)) {
            if (!(c.rule.mask & st.bit))
                continue;
            const violation = c.evaluate(value);
            if (violation)
                this.stricterValidation(pos, c, violation, keyLine, st);
        }
    }
    rulesOf(node) {
        let list = this.compiledRules.get(node);
        if (list)
            return list;
        list = [];
        const lineageOf = new Map();
        const ids = [];
        for (const rule of node.rules ?? []) {
            const id = rule.kind === 'cel' ? celRuleId(rule.value) : `${rule.kind}:${JSON.stringify(rule.value)}`;
            ids.push(id);
            if (id)
                lineageOf.set(id, (lineageOf.get(id) ?? 0) | rule.mask);
        }
        (node.rules ?? []).forEach((rule, i) => {
            const evaluate = keywordEvaluator(rule.kind, rule.value);
            const id = ids[i];
            if (evaluate && id)
                list.push({ rule, evaluate, lineage: lineageOf.get(id) });
        });
        this.compiledRules.set(node, list);
        return list;
    }
    stricterValidation(pos, c, v, keyLine, st) {
        const atPath = v.at === undefined ? st.path : [...st.path, v.at];
        const path = formatPath(atPath);
        let line = pos.kind === 'scalar' ? pos.line : keyLine ?? pos.line;
        if (v.at !== undefined)
            line = childLine(pos, v.at) ?? line;
        const what = c.rule.kind === 'cel' && c.rule.message ? `${c.rule.message} (${formatPath(st.path) || st.resource.kind} ${v.detail})` : `${formatPath(st.path) || st.resource.kind} ${v.detail}`;
        const message = `${this.where(st.kind, st.t)} rejects this: ${what}; ${this.ruleHistory(c.lineage, st.t)}.`;
        st.findings.push(this.finding(st, SCHEMA_RULES.stricterValidation, line, message, path, this.source(st.kind, st.t)));
    }
    // ---- wording --------------------------------------------------------------------------------
    /** Whose CRDs the target uses: "Istio 1.28" or "Istio 1.28 (Gateway API v1.4.1)". */
    where(kind, t) {
        const release = this.catalog.releases[t];
        const pin = this.catalog.pins[release];
        if (kind.family === 'gateway-api')
            return `Istio ${release} (Gateway API ${pin.gatewayApi})`;
        if (kind.family === 'inference' && pin.inference)
            return `Istio ${release} (Inference Extension ${pin.inference})`;
        return `Istio ${release}`;
    }
    /** Where else the thing exists: "added in 1.27", "removed in 1.31 (last in 1.30)", "only in 1.22-1.23". */
    availability(kind, mask, t) {
        const rs = this.catalog.releases;
        let after = -1;
        for (let i = t + 1; i < rs.length; i++)
            if (mask & (1 << i)) {
                after = i;
                break;
            }
        let before = -1;
        for (let i = t - 1; i >= 0; i--)
            if (mask & (1 << i)) {
                before = i;
                break;
            }
        if (after >= 0 && before < 0)
            return `added in ${this.label(kind, after)}`;
        if (before >= 0 && after < 0)
            return `removed in ${this.label(kind, before + 1)} (last in ${rs[before]})`;
        if (before >= 0 && after >= 0)
            return `only in ${this.catalog.formatMask(mask)}`;
        return 'in no release';
    }
    /** The releases of a validation around the target: "added in 1.23", "applies in 1.20-1.26, dropped in 1.27". */
    ruleHistory(lineage, t) {
        const rs = this.catalog.releases;
        let a = t;
        while (a > 0 && lineage & (1 << (a - 1)))
            a--;
        let b = t;
        while (b + 1 < rs.length && lineage & (1 << (b + 1)))
            b++;
        const parts = [];
        parts.push(a > 0 ? `validation added in ${rs[a]}` : `validation present since ${rs[0]}`);
        if (b + 1 < rs.length)
            parts.push(`dropped in ${rs[b + 1]}`);
        return parts.join(', ');
    }
    /** "1.30" or, for Gateway API / Inference, "1.30 (Gateway API v1.5.1)": the version that brought the change. */
    label(kind, i) {
        const release = this.catalog.releases[i];
        const pin = this.catalog.pins[release];
        if (kind.family === 'gateway-api')
            return `${release} (Gateway API ${pin.gatewayApi})`;
        if (kind.family === 'inference' && pin.inference)
            return `${release} (Inference Extension ${pin.inference})`;
        return release;
    }
    /** Upstream CRD file the statement rests on. */
    source(kind, t) {
        const release = this.catalog.releases[t];
        const pin = this.catalog.pins[release];
        if (!pin)
            return undefined;
        if (kind.family === 'gateway-api')
            return `https://github.com/kubernetes-sigs/gateway-api/tree/${pin.gatewayApi}/config/crd (pinned by Istio ${release})`;
        if (kind.family === 'inference') {
            if (!pin.inference)
                return undefined;
            const ref = /-([0-9a-f]{12})$/.exec(pin.inference)?.[1] ?? pin.inference;
            return `https://github.com/kubernetes-sigs/gateway-api-inference-extension/tree/${ref}/config/crd (pinned by Istio ${release})`;
        }
        return pin.istioCrdFile ? `https://github.com/istio/istio/blob/${pin.istio}/${pin.istioCrdFile}` : undefined;
    }
    finding(st, rule, line, message, path, source, endLine) {
        const f = { rule, severity: rule === SCHEMA_RULES.unknownField ? 'warning' : 'error', message, file: st.doc.file, line, resource: st.resource, path };
        if (endLine !== undefined && endLine > line)
            f.endLine = endLine;
        if (source)
            f.source = source;
        return f;
    }
}
// ---------------------------------------------------------------------------------------------
// Helpers
function member(value, key) {
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? value[key] : undefined;
}
function rootEntry(root, key) {
    return root?.kind === 'map' ? root.entries.find((e) => e.key === key) : undefined;
}
/** The nearest release in `mask` at or after `t`, else before it (for citing a source). */
function firstOf(mask, t) {
    for (let i = t; i < 31; i++)
        if (mask & (1 << i))
            return i;
    for (let i = t; i >= 0; i--)
        if (mask & (1 << i))
            return i;
    return t;
}
function childLine(pos, at) {
    if (pos.kind === 'map' && typeof at === 'string')
        return pos.entries.find((e) => e.key === at)?.keyNode.line;
    if (pos.kind === 'seq' && typeof at === 'number')
        return pos.items[at]?.line;
    return undefined;
}
/** True when every field and enum value of the document exists in `root` for the release bit. */
function fits(pos, value, node, bit, isRoot = false) {
    if (!pos || pos.kind === 'alias')
        return true;
    if (pos.kind === 'map') {
        for (const e of pos.entries) {
            if (e.key === '<<' || (isRoot && ROOT_SKIP.has(e.key)))
                continue;
            const child = node.props ? node.props.get(e.key) : node.values;
            if (!child) {
                if (node.open || (!node.props && !node.values))
                    continue;
                return false;
            }
            if (!(child.mask & bit) && !node.open)
                return false;
            if (!fits(e.value, member(value, e.key), child, bit))
                return false;
        }
        return true;
    }
    if (pos.kind === 'seq')
        return !node.items || pos.items.every((item, i) => fits(item, Array.isArray(value) ? value[i] : undefined, node.items, bit));
    if (node.enumValues && typeof value === 'string')
        return ((node.enumValues.get(value) ?? 0) & bit) !== 0;
    return true;
}
function fileLines(st) {
    return st.files.find((f) => f.path === st.doc.file)?.lines;
}
function dedupe(findings) {
    const seen = new Set();
    return findings.filter((f) => {
        const key = `${f.rule}\u0000${f.line}\u0000${f.message}`;
        if (seen.has(key))
            return false;
        seen.add(key);
        return true;
    });
}

const ANALYZERS = [schemaAnalyzer, catalogAnalyzer];
/** Rules that do not come from an analyzer: the manifests layer's own findings. */
const BUILTIN_RULES = [
    { id: 'parse', description: 'A file could not be read as YAML manifests (broken YAML, templates, binary or huge files).', defaultSeverity: 'error' },
    { id: 'duplicate-key', description: 'A key written twice in one mapping: kubectl keeps the last value, kustomize and Flux refuse the file.', defaultSeverity: 'warning' },
    // Auto detection (src/pipeline.ts) when files name different Istio minors.
    { id: 'version-sources-disagree', description: 'With target-version auto, files name different Istio minors; the one that installs Istio was chosen.', defaultSeverity: 'warning' },
    // The suppression step's own findings (src/analyze/suppress.ts).
    { id: 'suppression-without-reason', description: 'An istio-compat.io/ignore annotation without a reason (or without rule ids); it suppresses nothing.', defaultSeverity: 'warning' },
    { id: 'suppression-unknown-rule', description: 'An istio-compat.io/ignore annotation names a rule that does not exist.', defaultSeverity: 'warning' }
];
function allRules(analyzers = ANALYZERS) {
    return [...BUILTIN_RULES, ...analyzers.flatMap((a) => a.meta)];
}
/**
 * Every analyzer's `check` over `docs`, then its `checkRepository`. `early` holds the `check` findings of documents
 * already checked while their file was parsed (src/streaming.ts), with the same releases: they are taken as they are.
 */
function analyzeDocuments(docs, ctx, analyzers = ANALYZERS, early) {
    const findings = [];
    for (const doc of docs) {
        const done = early?.get(doc);
        if (done) {
            for (const f of done)
                findings.push(f);
            continue;
        }
        for (const analyzer of analyzers)
            for (const f of analyzer.check(doc, ctx))
                findings.push(f);
    }
    for (const analyzer of analyzers)
        if (analyzer.checkRepository)
            for (const f of analyzer.checkRepository(ctx))
                findings.push(f);
    return findings;
}
/** Rules switched off are dropped; severity overrides are applied. */
function applyRuleSettings(findings, config) {
    const out = [];
    for (const f of findings) {
        const setting = config.rules[f.rule];
        if (setting === 'off')
            continue;
        out.push(setting ? { ...f, severity: setting } : f);
    }
    return out;
}

// The repository config (.github/istio-compat.yml): rules on/off, severity overrides, ignored paths and
// per-path target releases. Read from the position tree, so every error names the exact file:line.
const DEFAULT_CONFIG_PATH = '.github/istio-compat.yml';
/** A config is a few dozen lines; anything past this is not one (and is not read into memory). */
const CONFIG_MAX_BYTES = 1024 * 1024;
/** A size limit as written by users: bytes (`8388608`) or with a unit (`8MiB`, `512 KiB`, `8M`). */
function parseSize(text, what) {
    const m = /^\s*(\d+)\s*(b|bytes?|k|kb|kib|m|mb|mib)?\s*$/i.exec(text);
    const unit = (m?.[2] ?? '').toLowerCase();
    const scale = unit.startsWith('k') ? 1024 : unit.startsWith('m') ? 1024 * 1024 : 1;
    const n = m ? Number(m[1]) * scale : NaN;
    if (!Number.isSafeInteger(n) || n <= 0)
        throw new UsageError(`${what} must be a size such as 4MiB, 512KiB or 4194304 (bytes), not "${text}"`);
    return n;
}
const EMPTY_CONFIG = { rules: {}, ignore: [], targets: [] };
const TOP_KEYS = ['rules', 'ignore', 'targets', 'gatewayApiChannel', 'maxFileSize'];
const TARGET_KEYS = ['paths', 'target', 'from', 'kubernetes'];
const SETTINGS = ['off', ...SEVERITIES];
const KUBERNETES_VERSION = /^v?1\.\d+(?:\.\d+)?$/;
/** Options shared with minimatch elsewhere: dotfiles and dot-folders match like any other path. */
const GLOB_OPTIONS = { dot: true };
/**
 * Parses and validates a config file. `knownRules` are the rule ids `rules:` may name
 * (default: every rule registered at run time).
 */
function parseConfig(text, file, knownRules = allRules().map((r) => r.id)) {
    const reader = new ConfigReader(text.replace(/^\uFEFF/, ''), file);
    const root = reader.root();
    const config = { rules: {}, ignore: [], targets: [] };
    if (root === undefined)
        return config;
    if (root.kind !== 'map')
        reader.fail(root, `the config must be a mapping with the keys ${TOP_KEYS.join(', ')}`);
    for (const entry of entriesOf(root)) {
        const value = deref(entry.value);
        if (entry.key === 'rules')
            config.rules = reader.rules(entry, value, knownRules);
        else if (entry.key === 'ignore')
            config.ignore = reader.patterns(entry, value, 'ignore', false);
        else if (entry.key === 'targets')
            config.targets = reader.targets(entry, value);
        else if (entry.key === 'gatewayApiChannel') {
            const text = value?.kind === 'scalar' ? value.text.trim() : undefined;
            if (text !== 'standard' && text !== 'experimental')
                reader.fail(placed(value, entry.keyNode), `"gatewayApiChannel" must be standard or experimental`);
            config.gatewayApiChannel = text;
        }
        else if (entry.key === 'maxFileSize') {
            if (value?.kind !== 'scalar' || value.text.trim() === '')
                reader.fail(placed(value, entry.keyNode), '"maxFileSize" must be a size such as 4MiB, 512KiB or 4194304 (bytes)');
            try {
                config.maxFileSize = parseSize(value.text, '"maxFileSize"');
            }
            catch (error) {
                reader.fail(value, error.message);
            }
        }
        else
            reader.fail(entry.keyNode, unknownKey(entry.key, TOP_KEYS, 'the config'));
    }
    return config;
}
/** The `targets:` entry that applies to `path`, or undefined when the inputs apply. */
function targetOverrideFor(config, path) {
    return config.targets?.find((t) => matchesPatterns(path, t.paths));
}
/**
 * The repository config at `path` under `root` (the workspace or `--repo`). The file is read only as a regular file
 * inside the repository, through no symbolic link, and no larger than CONFIG_MAX_BYTES: a PR controls it. Absent:
 * the empty config, unless `explicit` (the user named it), which makes a missing file an error. An explicit path
 * outside the repository (`allowOutside`, the CLI's `--config ~/x.yml`) is the user's own file and may be a link.
 */
function loadRepoConfig(root, path = DEFAULT_CONFIG_PATH, options = {}) {
    const what = `config ${path}`;
    const inside = insideRoot(realpathSync(root), resolve$1(realpathSync(root), path)) ?? insideRoot(resolve$1(root), resolve$1(root, path));
    if (inside === '')
        throw new UsageError(`${what} is a directory, not a file`);
    let data;
    if (inside !== undefined)
        data = readRepositoryFile(root, inside, { maxBytes: CONFIG_MAX_BYTES, what });
    else if (options.allowOutside)
        data = readUserFile(resolve$1(root, path), { maxBytes: CONFIG_MAX_BYTES, what });
    else
        throw new UsageError(`${what} is outside the repository (${root}); give a path inside it`);
    if (data === undefined) {
        if (options.explicit)
            throw new UsageError(`${what} does not exist`);
        return EMPTY_CONFIG;
    }
    let text;
    try {
        text = new TextDecoder('utf-8', { fatal: true }).decode(data);
    }
    catch {
        throw new UsageError(`${what} is not UTF-8 text`);
    }
    return parseConfig(text, path);
}
/** Each pattern compiled once per process (patterns come from inputs and the config: a handful). */
const compiled = new Map();
function compile(pattern) {
    let m = compiled.get(pattern);
    if (!m)
        compiled.set(pattern, (m = new Minimatch(pattern, GLOB_OPTIONS)));
    return m;
}
/** minimatch list semantics: at least one positive pattern matches and no `!` pattern does. */
function matchesPatterns(path, patterns) {
    let included = false;
    for (const p of patterns) {
        if (p.startsWith('!')) {
            if (compile(p.slice(1)).match(path))
                return false;
        }
        else if (!included && compile(p).match(path))
            included = true;
    }
    return included;
}
class ConfigReader {
    text;
    file;
    starts;
    constructor(text, file) {
        this.text = text;
        this.file = file;
        this.starts = lineStarts(text);
    }
    fail(at, message) {
        const line = typeof at === 'number' ? at : at.line;
        throw new UsageError(`${this.file}:${line}: ${message}`);
    }
    root() {
        const map = { offset: (o) => o, line: (o) => lineAt(this.starts, o) };
        let docs;
        try {
            docs = parseYamlDocuments(this.text, map);
        }
        catch (error) {
            if (!(error instanceof YamlError))
                throw error;
            this.fail(lineAt(this.starts, error.fileOffset), `invalid YAML: ${error.message}`);
        }
        // kubectl would keep the last value; in the config a repeated key is a mistake either way.
        for (const d of docs)
            for (const dup of d.duplicates ?? [])
                this.fail(dup.node, `invalid YAML: duplicated mapping key "${dup.key}" (first on line ${dup.first.line})`);
        const roots = docs.map((d) => d.root).filter((r) => r !== null);
        if (roots.length > 1)
            this.fail(roots[1], 'the config must be a single YAML document; found a second one here');
        return deref(roots[0]);
    }
    rules(entry, value, knownRules) {
        const rules = {};
        if (value === undefined || isNull(value))
            return rules;
        if (value.kind !== 'map')
            this.fail(value, `"rules" must map rule ids to off, error, warning or notice, not ${describe(value)}`);
        for (const rule of entriesOf(value)) {
            const id = rule.key;
            if (!knownRules.includes(id)) {
                const near = closest(id, knownRules);
                this.fail(rule.keyNode, `unknown rule "${id}"${near ? `; did you mean "${near}"?` : ''}`);
            }
            const setting = deref(rule.value);
            const text = setting?.kind === 'scalar' ? setting.text : undefined;
            const normalised = setting?.kind === 'scalar' && setting.style === 'plain' && text === 'false' ? 'off' : text;
            if (normalised === undefined || !SETTINGS.includes(normalised)) {
                const shown = setting === undefined || isNull(setting) ? 'no setting' : `setting ${setting.kind === 'scalar' ? JSON.stringify(text) : describe(setting)}`;
                this.fail(placed(setting, rule.keyNode), `rule "${id}" has ${shown}; expected off, error, warning or notice`);
            }
            rules[id] = normalised;
        }
        return rules;
    }
    patterns(entry, value, name, allowNegation) {
        if (value === undefined || isNull(value)) {
            if (name === 'ignore')
                return [];
            this.fail(entry.keyNode, `"${name}" needs a list of path patterns`);
        }
        if (value.kind !== 'seq')
            this.fail(value, `"${name}" must be a list of path patterns, not ${describe(value)}`);
        const patterns = [];
        for (const raw of value.items) {
            const item = deref(raw);
            if (item?.kind !== 'scalar' || isNull(item) || item.text.trim() === '')
                this.fail(placed(item, value), `each entry of "${name}" must be a path pattern such as "clusters/**"`);
            const p = item.text;
            if (p.startsWith('./') || p.startsWith('/'))
                this.fail(item, `pattern "${p}" of "${name}" must be relative to the repository root without a leading "${p.startsWith('/') ? '/' : './'}"`);
            if (!allowNegation && p.startsWith('!'))
                this.fail(item, `pattern "${p}" of "${name}" cannot be negated: "${name}" lists only files to leave out`);
            patterns.push(p);
        }
        if (patterns.length === 0 && name !== 'ignore')
            this.fail(value, `"${name}" needs at least one path pattern`);
        return patterns;
    }
    targets(entry, value) {
        if (value === undefined || isNull(value))
            return [];
        if (value.kind !== 'seq')
            this.fail(value, `"targets" must be a list of { paths, target, from?, kubernetes? } entries, not ${describe(value)}`);
        return value.items.map((raw, i) => {
            const item = deref(raw);
            const where = `targets[${i}]`;
            if (item?.kind !== 'map')
                this.fail(placed(item, value), `${where} must be a mapping with paths and target, not ${item ? describe(item) : 'empty'}`);
            const fields = new Map();
            for (const e of entriesOf(item)) {
                if (!TARGET_KEYS.includes(e.key))
                    this.fail(e.keyNode, unknownKey(e.key, TARGET_KEYS, where));
                fields.set(e.key, e);
            }
            const pathsEntry = fields.get('paths');
            const targetEntry = fields.get('target');
            if (!pathsEntry)
                this.fail(item, `${where} has no "paths": list the files it applies to, e.g. paths: ["clusters/legacy/**"]`);
            if (!targetEntry)
                this.fail(item, `${where} has no "target": name the Istio release of those files, e.g. target: "1.26"`);
            const paths = this.patterns(pathsEntry, deref(pathsEntry.value), `${where}.paths`, true);
            const target = this.release(targetEntry, `${where}.target`);
            const fromEntry = fields.get('from');
            const from = fromEntry ? this.release(fromEntry, `${where}.from`, true) : undefined;
            if (from && fromEntry && compareReleases(from, target) > 0)
                this.fail(fromEntry.value ?? fromEntry.keyNode, `${where}.from ${from.version} is newer than its target ${target.version}`);
            const k8sEntry = fields.get('kubernetes');
            const kubernetesVersion = k8sEntry ? this.kubernetes(k8sEntry, `${where}.kubernetes`) : undefined;
            return {
                paths,
                target,
                ...(from ? { from } : {}),
                ...(kubernetesVersion ? { kubernetesVersion } : {}),
                origin: `${this.file}:${item.line}`
            };
        });
    }
    scalar(entry, where, example) {
        const node = deref(entry.value);
        if (node?.kind !== 'scalar' || isNull(node))
            this.fail(placed(node, entry.keyNode), `${where} must be a version such as "${example}"`);
        // Plain scalars are read as written: `target: 1.30` means 1.30, not the number 1.3.
        return { node, text: node.text.trim() };
    }
    release(entry, where, from = false) {
        const { node, text } = this.scalar(entry, where, '1.26');
        if (text === 'auto')
            this.fail(node, `${where} cannot be auto: a targets entry names the release of its files, e.g. "1.26"`);
        try {
            return parseRelease(text, { from });
        }
        catch (error) {
            return this.fail(node, `${where}: ${error.message}`);
        }
    }
    kubernetes(entry, where) {
        const { node, text } = this.scalar(entry, where, '1.30');
        if (!KUBERNETES_VERSION.test(text))
            this.fail(node, `${where} "${text}" is not a Kubernetes version; expected e.g. "1.30"`);
        return text.replace(/^v/, '');
    }
}
/** Own entries plus those brought in by `<<` merges (own keys win, as in YAML). */
function entriesOf(map) {
    const own = map.entries.filter((e) => e.key !== '<<');
    const seen = new Set(own.map((e) => e.key));
    const merged = [];
    for (const e of map.entries) {
        if (e.key !== '<<')
            continue;
        const source = deref(e.value);
        for (const s of source?.kind === 'seq' ? source.items.map(deref) : [source]) {
            if (s?.kind !== 'map')
                continue;
            for (const m of entriesOf(s)) {
                if (seen.has(m.key))
                    continue;
                seen.add(m.key);
                merged.push(m);
            }
        }
    }
    return [...own, ...merged];
}
/** The node to point an error at; an empty value has no position of its own (js-yaml gives it offset -1). */
function placed(node, fallback) {
    return node && node.start >= 0 ? node : fallback;
}
function isNull(node) {
    return node.kind === 'scalar' && node.style === 'plain' && ['', '~', 'null', 'Null', 'NULL'].includes(node.text);
}
function describe(node) {
    if (node.kind === 'map')
        return 'a mapping';
    if (node.kind === 'seq')
        return 'a list';
    if (node.kind === 'alias')
        return `an alias *${node.anchor}`;
    return JSON.stringify(node.text);
}
function unknownKey(key, known, where) {
    const near = closest(key, known, 3);
    return `unknown key "${key}" in ${where}; expected ${known.join(', ')}${near ? ` (did you mean "${near}"?)` : ''}`;
}

// Validation shared by the action's inputs and the CLI's options: the same words are accepted in either place
// (case does not matter for keywords), and a bad value is a usage error that names the input and what it takes.
/** One of `choices`, case-insensitive; `name` is how the user spells the input (`comment`, `--format`). */
function parseChoice(name, value, choices) {
    const v = value.trim().toLowerCase();
    if (choices.includes(v))
        return v;
    throw new UsageError(`${name} must be ${listed(choices)}, not "${value}"`);
}
/**
 * A release input: `auto` and `latest` in any case, or a version (`1.28`, `v1.28.1`, `1.31.0-rc.0`), checked now so the
 * error names the input. Returns it normalised (`auto`, or the version as written, lower case).
 */
function parseVersionInput(name, value) {
    const v = value.trim().toLowerCase();
    if (v === 'auto')
        return 'auto';
    try {
        parseRelease(v);
    }
    catch (error) {
        throw new UsageError(`${name}: ${error.message}`);
    }
    return v;
}
/** A from-release newer than the target is a mistake of the inputs (swapped values), not a downgrade to check. */
function checkFromNotNewer(fromName, from, targetName, target) {
    if (!from || from === 'auto' || target === 'auto')
        return;
    const f = parseRelease(from);
    const t = parseRelease(target);
    // A bare minor means its newest patch, so `1.28` against `1.28.1` is not "newer": only whole minors, or two patches, compare.
    const newer = f.major !== t.major || f.minorNumber !== t.minorNumber ? compareReleases(f, t) > 0 : f.patch !== null && t.patch !== null && compareReleases(f, t) > 0;
    if (newer)
        throw new UsageError(`${fromName} ${f.version} is newer than ${targetName} ${t.version}; ${fromName} is the release the mesh runs today and ${targetName} the one it moves to (were they swapped?)`);
}
function listed(choices) {
    return choices.length === 1 ? choices[0] : `${choices.slice(0, -1).join(', ')} or ${choices[choices.length - 1]}`;
}

// Per-path targets (config `targets:`): the documents in scope, grouped by the releases their file is checked against.
function groupByTarget(docs, files, config, inputs) {
    const targetsByFile = {};
    const contextOf = new Map();
    for (const file of files) {
        const override = targetOverrideFor(config, file.path);
        if (!override)
            continue;
        const how = `${override.origin} (targets)`;
        targetsByFile[file.path] = {
            target: { release: override.target, origin: how },
            ...(override.from ? { from: { release: override.from, origin: how } } : {}),
            ...(override.kubernetesVersion ? { kubernetesVersion: override.kubernetesVersion } : {})
        };
        contextOf.set(file.path, {
            target: override.target,
            ...(override.from ? { from: override.from } : {}),
            ...(override.kubernetesVersion ? { kubernetesVersion: override.kubernetesVersion } : {}),
            ...(inputs.gatewayApiChannel ? { gatewayApiChannel: inputs.gatewayApiChannel } : {}),
            files: inputs.files
        });
    }
    // Entries naming the same releases as each other (or as the inputs) share one group and one context.
    const groups = new Map([[keyOf$1(inputs), { ctx: inputs, docs: [] }]]);
    for (const doc of docs) {
        const ctx = contextOf.get(doc.file) ?? inputs;
        const key = keyOf$1(ctx);
        const group = groups.get(key) ?? { ctx, docs: [] };
        group.docs.push(doc);
        groups.set(key, group);
    }
    return { groups: [...groups.values()], targetsByFile };
}
function keyOf$1(ctx) {
    return [ctx.target.version, ctx.from?.version ?? '', ctx.kubernetesVersion ?? ''].join('|');
}

/** Schema findings that say "the target's CRD does not have this". */
const SCHEMA_PRESENCE = new Set(['api-version-not-served', 'field-not-in-release', 'enum-value-not-in-release']);
/** Catalog findings that say the same thing with the release note behind it. */
const CATALOG_PRESENCE = new Set(['not-yet-available', 'removed-feature']);
const keyOf = (f) => `${f.file}\0${f.line}\0${f.severity}\0${f.suppressed ? 's' : ''}`;
/**
 * Where a schema finding and a catalog finding of the same severity share a line, keeps the catalog's (it
 * cites the upstream note) and gives it the schema's mechanical fix when it has none.
 */
function mergeOverlaps(findings) {
    const catalog = new Map();
    for (const f of findings)
        if (CATALOG_PRESENCE.has(f.rule) && !catalog.has(keyOf(f)))
            catalog.set(keyOf(f), f);
    const fixes = new Map();
    const out = [];
    for (const f of findings) {
        const twin = SCHEMA_PRESENCE.has(f.rule) ? catalog.get(keyOf(f)) : undefined;
        if (!twin) {
            out.push(f);
            continue;
        }
        if (!twin.fix && f.fix && !fixes.has(twin))
            fixes.set(twin, f.fix);
    }
    return out.map((f) => (fixes.has(f) ? { ...f, fix: fixes.get(f) } : f));
}

// Our rule ids → the `istioctl analyze` message codes (IST0xxx) that report the same condition, so that a
// `galley.istio.io/analyze-suppress` annotation written for istioctl also suppresses our equivalent finding.
// Codes and their meaning: istio/istio pkg/config/analysis/msg/messages.yaml
// (https://istio.io/latest/docs/reference/config/analysis/). A rule is listed only when an IST message reports
// the same condition on the same resource. None of today's rules does: `parse` (a file that is not readable
// YAML) has no IST code — istioctl fails to read such a file instead of reporting a message — and the
// suppression rules are our own. Candidates once such rules exist: IST0135 DeprecatedAnnotation,
// IST0136 AlphaAnnotation, IST0108 UnknownAnnotation, IST0156 UnsupportedGatewayAPIVersion.
const IST_CODES = {};

// Suppressions written on a resource: our `istio-compat.io/ignore` (a reason is required) and Istio's own
// `galley.istio.io/analyze-suppress` (IST codes), honoured for rules that report the same thing as an IST code.
// Suppressed findings are kept with `suppressed` set: the summary counts them, the gate skips them.
const IGNORE_ANNOTATION = 'istio-compat.io/ignore';
/** Istio's annotation (istio/istio pkg/config/analysis/local/istiod_analyze.go): comma-separated IST codes, or `*`. */
const GALLEY_SUPPRESS_ANNOTATION = 'galley.istio.io/analyze-suppress';
const SUPPRESSION_WITHOUT_REASON = 'suppression-without-reason';
const SUPPRESSION_UNKNOWN_RULE = 'suppression-unknown-rule';
/**
 * Marks findings that fall inside a document (same file, line within the document's range) whose annotations
 * suppress their rule, and adds the findings about broken suppressions of the documents in scope.
 */
function applySuppressions(findings, documents, options = {}) {
    const istCodes = options.istCodes ?? IST_CODES;
    const byFile = new Map();
    const problems = [];
    for (const doc of documents) {
        const suppressions = readSuppressions(doc, options.knownRules);
        if (!options.inScope || options.inScope.has(doc))
            for (const p of suppressions.problems)
                problems.push(p);
        if (suppressions.rules.size === 0 && suppressions.istCodes.size === 0)
            continue;
        const list = byFile.get(doc.file) ?? [];
        list.push({ doc, suppressions });
        byFile.set(doc.file, list);
    }
    const out = findings.map((finding) => {
        if (finding.suppressed)
            return finding;
        const owner = byFile.get(finding.file)?.find(({ doc }) => doc.line <= finding.line && finding.line <= doc.endLine);
        if (!owner)
            return finding;
        const suppressed = suppressionFor(finding.rule, owner.suppressions, istCodes);
        return suppressed ? { ...finding, suppressed } : finding;
    });
    return [...out, ...problems];
}
function suppressionFor(rule, s, istCodes) {
    const reason = s.rules.get(rule);
    if (reason !== undefined)
        return { reason, by: IGNORE_ANNOTATION };
    const codes = istCodes[rule] ?? [];
    const code = s.istCodes.has('*') ? codes[0] : codes.find((c) => s.istCodes.has(c));
    if (code)
        return { reason: `${code} is listed in ${GALLEY_SUPPRESS_ANNOTATION}${s.istCodes.has('*') ? ' (*)' : ''}`, by: GALLEY_SUPPRESS_ANNOTATION };
    return undefined;
}
/** Reads both annotations of one document. Pure; exported for the docs' examples and tests. */
function readSuppressions(doc, knownRules) {
    const result = { rules: new Map(), istCodes: new Set(), problems: [] };
    const annotations = annotationsOf(doc.value);
    if (!annotations)
        return result;
    const galley = annotations[GALLEY_SUPPRESS_ANNOTATION];
    if (typeof galley === 'string')
        for (const code of galley.split(',').map((c) => c.trim()).filter(Boolean))
            result.istCodes.add(code);
    if (!(IGNORE_ANNOTATION in annotations))
        return result;
    const entry = entryAt(doc.root, ['metadata', 'annotations', IGNORE_ANNOTATION]);
    const problem = (rule, message) => {
        result.problems.push({
            rule,
            severity: 'warning',
            message,
            file: doc.file,
            line: entry?.keyNode.line ?? doc.line,
            ...(entry ? { endLine: entryEndLine(entry) } : {}),
            ...(doc.resource ? { resource: doc.resource } : {})
        });
    };
    const value = annotations[IGNORE_ANNOTATION];
    const form = `write it as "<rule-id>[,<rule-id>...]: <why this is acceptable>"`;
    if (typeof value !== 'string') {
        problem(SUPPRESSION_WITHOUT_REASON, `The ${IGNORE_ANNOTATION} annotation is not a string, so it suppresses nothing; ${form}.`);
        return result;
    }
    const colon = value.indexOf(':');
    const ids = (colon === -1 ? value : value.slice(0, colon)).split(',').map((s) => s.trim()).filter(Boolean);
    const reason = colon === -1 ? '' : value.slice(colon + 1).trim();
    if (ids.length === 0) {
        problem(SUPPRESSION_WITHOUT_REASON, `The ${IGNORE_ANNOTATION} annotation names no rule, so it suppresses nothing; ${form}.`);
        return result;
    }
    if (reason === '') {
        problem(SUPPRESSION_WITHOUT_REASON, `The ${IGNORE_ANNOTATION} annotation for ${ids.join(', ')} gives no reason, so it suppresses nothing; ${form}.`);
        return result;
    }
    for (const id of ids) {
        if (knownRules && !knownRules.includes(id)) {
            const near = closest(id, knownRules);
            problem(SUPPRESSION_UNKNOWN_RULE, `The ${IGNORE_ANNOTATION} annotation names the unknown rule "${id}"${near ? ` (did you mean "${near}"?)` : ''}; it suppresses nothing for it.`);
            continue;
        }
        result.rules.set(id, reason);
    }
    return result;
}
function annotationsOf(value) {
    if (typeof value !== 'object' || value === null)
        return undefined;
    const metadata = value.metadata;
    if (typeof metadata !== 'object' || metadata === null)
        return undefined;
    const annotations = metadata.annotations;
    return typeof annotations === 'object' && annotations !== null && !Array.isArray(annotations) ? annotations : undefined;
}
function entryEndLine(entry) {
    return Math.max(entry.keyNode.endLine, entry.value?.endLine ?? entry.keyNode.endLine);
}

const GATEWAY_API_CHANNELS = ['standard', 'experimental'];

// Reads and writes on one pull request: files, review comments, the sticky comment, the review.
/** "Responses include a maximum of 3000 files" (pulls/list-files); a PR this large needs the git diff instead. */
const MAX_PULL_FILES = 3000;

/** Rule id of the parse findings (src/manifests/parse.ts); its messages carry line and column numbers. */
const PARSE_RULE = 'parse';
/** Findings about the repository as a whole: anchored at whichever file pins the version, so known by no file. */
const REPOSITORY_RULES = new Set([KUBERNETES_RULE]);
/**
 * Istio releases in a message (`1.28`, `1.28.1`, `v1.26.8`, `1.31.0-rc.0`): the same problem reads "Istio 1.26.8
 * rejects …" on the base and "Istio 1.28.1 rejects …" on the head. Kubernetes versions and ranges go the same way.
 */
const RELEASE = /\bv?\d+\.\d+(?:\.\d+)?(?:-(?:alpha|beta|rc)(?:\.?\d+)?)?\b/g;
function normaliseMessage(rule, message) {
    // A parse message names lines and columns of the file, which move; what is broken stays.
    if (rule === PARSE_RULE)
        return message.replace(/\d+/g, '#');
    return message.replace(RELEASE, '<release>');
}
/** Sequence indexes move when an item is inserted above; `spec.http[2].route` and `spec.http[1].route` are one place. */
function normalisePath(path) {
    return path === undefined ? '' : path.replace(/\[\d+\]/g, '[]');
}
/** group/kind/namespace/name of a named resource (the apiVersion's version is left out: v1beta1 → v1 is the same object). */
function resourceIdentity(r) {
    if (!r || r.name === undefined)
        return undefined;
    return `${groupOf$1(r.apiVersion)}/${r.kind}/${r.namespace ?? ''}/${r.name}`;
}
function keysOf(f, fileOf, identityOf) {
    const id = resourceIdentity(f.resource);
    const file = fileOf(f.file);
    // Unnamed things (values files, kustomize patches without a name, parse problems) are known by their file.
    const who = REPOSITORY_RULES.has(f.rule)
        ? 'repository'
        : id !== undefined
            ? `r:${identityOf(id)}`
            : `f:${file}${f.resource ? `:${groupOf$1(f.resource.apiVersion)}/${f.resource.kind}` : ''}`;
    const place = [f.rule, who, normalisePath(f.path)].join('\u0000');
    const loose = `${place}\u0000${normaliseMessage(f.rule, f.message)}`;
    return { loose, strict: `${loose}\u0000${file}`, ...(f.path ? { place } : {}) };
}
/**
 * Sets `baselineState` on every head finding: 'unchanged' when an equal finding is on the base, else 'new'.
 * Equal findings are counted as multisets (three on the head and two on the base: one is new); a finding
 * first meets its equal in the same file, then anywhere (a resource that moved between files). Last, a finding
 * on a line the PR did not add may meet a base finding of the same rule at the same YAML path of the same
 * resource whose wording differs beyond release numbers (e.g. "Istio 1.28 accepts A, B, C" where 1.26 listed
 * A, B): the problem was there before; on a line the PR wrote, a different message is a different problem.
 */
function classifyFindings(head, base, options = {}) {
    const renames = options.renames ?? new Map();
    const renamedResources = options.renamedResources ?? new Map();
    const headKeys = head.map((f) => keysOf(f, (p) => renames.get(p) ?? p, (id) => renamedResources.get(id) ?? id));
    const strictLeft = new Map();
    const looseLeft = new Map();
    const placeLeft = new Map();
    const count = (left, key) => left.set(key, (left.get(key) ?? 0) + 1);
    for (const f of base) {
        if (f.suppressed)
            continue; // suppressed on the base: the PR that lifts the suppression brings the finding in
        const k = keysOf(f, (p) => p, (id) => id);
        count(strictLeft, k.strict);
        count(looseLeft, k.loose);
        if (k.place !== undefined)
            count(placeLeft, k.place);
    }
    const state = head.map(() => 'new');
    // Among equal findings, those on lines the PR did not add claim the base's first.
    const added = (i) => (options.addedLine?.(head[i].file, head[i].line) ? 1 : 0);
    const order = head.map((_, i) => i).sort((a, b) => added(a) - added(b) || a - b);
    const take = (left, key) => {
        const n = left.get(key) ?? 0;
        if (n === 0)
            return false;
        left.set(key, n - 1);
        return true;
    };
    const pending = [];
    for (const i of order) {
        const f = head[i];
        if (f.rule === PARSE_RULE && options.untouched?.(f.file)) {
            state[i] = 'unchanged';
            continue;
        }
        if (take(strictLeft, headKeys[i].strict)) {
            take(looseLeft, headKeys[i].loose);
            if (headKeys[i].place !== undefined)
                take(placeLeft, headKeys[i].place);
            state[i] = 'unchanged';
        }
        else {
            pending.push(i);
        }
    }
    const reworded = [];
    for (const i of pending) {
        if (take(looseLeft, headKeys[i].loose)) {
            if (headKeys[i].place !== undefined)
                take(placeLeft, headKeys[i].place);
            state[i] = 'unchanged';
        }
        else if (headKeys[i].place !== undefined && added(i) === 0) {
            reworded.push(i);
        }
    }
    for (const i of reworded)
        if (take(placeLeft, headKeys[i].place))
            state[i] = 'unchanged';
    return head.map((f, i) => ({ ...f, baselineState: state[i] }));
}
/**
 * A resource the PR renamed (or moved to another namespace) is 'added' on the head and 'removed' on the base.
 * Pairs each such added document with a removed one of the same group and kind in the same file (its base path):
 * the one at the same document index, else the only candidate.
 */
function pairRenamedResources(resources, renames = new Map()) {
    const kindOf = (d) => (d.resource ? `${groupOf$1(d.resource.apiVersion)}/${d.resource.kind}` : '');
    const removed = new Map();
    for (const change of resources) {
        const doc = change.base;
        if (change.status !== 'removed' || !doc?.resource)
            continue;
        const list = removed.get(doc.file) ?? [];
        list.push(doc);
        removed.set(doc.file, list);
    }
    const pairs = new Map();
    const used = new Set();
    for (const change of resources) {
        const doc = change.head;
        if (change.status !== 'added' || !doc?.resource)
            continue;
        const candidates = (removed.get(renames.get(doc.file) ?? doc.file) ?? []).filter((d) => !used.has(d) && kindOf(d) === kindOf(doc));
        const pick = candidates.find((d) => d.index === doc.index) ?? (candidates.length === 1 ? candidates[0] : undefined);
        if (!pick)
            continue;
        used.add(pick);
        pairs.set(doc, pick);
    }
    return pairs;
}
/**
 * The head documents that carry at least one of the findings (by file and line range): only their base
 * counterparts need analysing, which keeps the baseline's cost proportional to the findings, not the repository.
 */
function documentsWithFindings(findings, docs) {
    const byFile = new Map();
    for (const doc of docs) {
        const list = byFile.get(doc.file);
        if (list)
            list.push(doc);
        else
            byFile.set(doc.file, [doc]);
    }
    const out = new Set();
    for (const f of findings) {
        const list = byFile.get(f.file);
        if (!list)
            continue;
        const doc = list.find((d) => d.line <= f.line && f.line <= d.endLine);
        if (doc)
            out.add(doc);
    }
    return out;
}

// Base vs head, resource by resource: added, changed (which paths), removed, unchanged.
/**
 * Identity of a document across the two states: group/kind/namespace/name for named resources (so a resource
 * may move between files), else the file (its base path when renamed) and the document's index.
 */
function resourceKey$1(doc, renamedFrom) {
    const r = doc.resource;
    const file = renamedFrom?.get(doc.file) ?? doc.file;
    if (r?.name !== undefined)
        return `${groupOf$1(r.apiVersion)}/${r.kind}/${r.namespace ?? ''}/${r.name}`;
    if (r)
        return `${groupOf$1(r.apiVersion)}/${r.kind}/${r.namespace ?? ''}/${file}#${doc.index}`;
    return `file:${file}#${doc.index}`;
}
/**
 * @param renames head path → base path, so non-resource documents of renamed files keep their identity.
 * A key that occurs more than once on a side (the same resource in two files) is paired in file order.
 */
function diffResources(base, head, renames = new Map()) {
    const before = new Map();
    for (const file of sortedByPath(base)) {
        for (const doc of file.documents) {
            const key = resourceKey$1(doc);
            const list = before.get(key);
            if (list)
                list.push(doc);
            else
                before.set(key, [doc]);
        }
    }
    const out = [];
    const taken = new Map();
    for (const file of sortedByPath(head)) {
        for (const doc of file.documents) {
            const key = resourceKey$1(doc, renames);
            const n = taken.get(key) ?? 0;
            taken.set(key, n + 1);
            const old = before.get(key)?.[n];
            if (!old) {
                out.push({ status: 'added', key, head: doc, changedPaths: [] });
                continue;
            }
            const changedPaths = changedPathsOf(old.value, doc.value);
            out.push({ status: changedPaths.length ? 'changed' : 'unchanged', key, head: doc, base: old, changedPaths });
        }
    }
    for (const [key, docs] of before) {
        for (let i = taken.get(key) ?? 0; i < docs.length; i++)
            out.push({ status: 'removed', key, base: docs[i], changedPaths: [] });
    }
    return out;
}
function sortedByPath(files) {
    return [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
/** Paths reported per resource; a rewritten resource needs no full list. */
const MAX_CHANGED_PATHS = 200;
/** Value nodes compared per resource: aliases may share subtrees, and comparing them must stay bounded. */
const MAX_COMPARED = 200_000;
/**
 * Paths (formatPath syntax) of what differs between two plain values: a leaf that changed, a key or item
 * that was added or removed (reported at its own path), a value that changed type (reported at its path).
 */
function changedPathsOf(a, b) {
    const out = [];
    const budget = { left: MAX_COMPARED };
    diffValues(a, b, [], out, budget);
    if (budget.left <= 0 && out.length < MAX_CHANGED_PATHS)
        out.push('…');
    return out;
}
function diffValues(a, b, path, out, budget) {
    if (out.length >= MAX_CHANGED_PATHS || --budget.left <= 0)
        return;
    if (a === b)
        return;
    if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null || Array.isArray(a) !== Array.isArray(b)) {
        out.push(path.length ? formatPath(path) : '<root>');
        return;
    }
    if (Array.isArray(a) && Array.isArray(b)) {
        const n = Math.max(a.length, b.length);
        for (let i = 0; i < n; i++) {
            path.push(i);
            diffValues(a[i], b[i], path, out, budget);
            path.pop();
        }
        return;
    }
    const ao = a;
    const bo = b;
    for (const k of Object.keys(ao)) {
        path.push(k);
        // A key only on one side differs even when its value is null.
        if (!Object.hasOwn(bo, k))
            out.push(formatPath(path));
        else
            diffValues(ao[k], bo[k], path, out, budget);
        path.pop();
        if (out.length >= MAX_CHANGED_PATHS)
            return;
    }
    for (const k of Object.keys(bo)) {
        if (Object.hasOwn(ao, k))
            continue;
        path.push(k);
        out.push(formatPath(path));
        path.pop();
        if (out.length >= MAX_CHANGED_PATHS)
            return;
    }
}

// Files streamed through the analysis: read, parse and check a batch of files, then let go of what reporting does not
// need (the bytes, and the position trees of documents nothing points into) before the next batch. Position trees
// are most of what a parsed manifest weighs, so a run over a whole repository (a version bump, or the CLI on files)
// holds one batch of trees at a time instead of all of them.
/** Files per batch: enough to keep git and the parser busy, few enough that a batch's trees weigh little. */
const BATCH_FILES = 256;
async function parseAndCheck(snapshot, paths, inputs, config, analyzers, needed) {
    const files = [];
    const early = new Map();
    for (let i = 0; i < paths.length; i += BATCH_FILES) {
        const batch = paths.slice(i, i + BATCH_FILES);
        let contents = await snapshot.read(batch);
        const parsed = [];
        for (const p of batch) {
            const data = contents.get(p);
            if (data)
                parsed.push(parseManifestFile(p, data, needed.maxFileBytes ? { maxFileBytes: needed.maxFileBytes } : {}));
        }
        contents = undefined;
        // The batch's own files in the context: an analyzer reads the lines of the document's file from it.
        const { groups } = groupByTarget(docsOf(parsed), parsed, config, { ...inputs, files: parsed });
        for (const group of groups) {
            for (const doc of group.docs) {
                const found = [];
                for (const analyzer of analyzers)
                    for (const f of analyzer.check(doc, group.ctx))
                        found.push(f);
                early.set(doc, found);
            }
        }
        for (const file of parsed) {
            for (const doc of file.documents)
                if (!keepsTree(doc, early.get(doc), needed))
                    releaseTree(doc);
            files.push(file);
        }
    }
    return { files, early };
}
/**
 * Documents whose position tree is read after their own check: those carrying a suppression annotation (its line is
 * looked up), and, when `needed` says so, those with findings and the install documents.
 */
function keepsTree(doc, findings, needed) {
    if (needed.withFindings && findings && findings.length > 0)
        return true;
    if (needed.installs && (doc.family === 'helm-release' || doc.family === 'istio-operator' || doc.family === 'mesh-configmap' || doc.kind === 'helm-values'))
        return true;
    const annotations = doc.value?.metadata?.annotations;
    return typeof annotations === 'object' && annotations !== null && IGNORE_ANNOTATION in annotations;
}
/** Drops a document's position trees (its own and its embedded documents'); values, lines and findings stay. */
function releaseTree(doc) {
    doc.root = null;
    for (const e of doc.embedded)
        e.root = null;
}
function docsOf(files) {
    const docs = [];
    for (const file of files)
        for (const doc of file.documents)
            docs.push(doc);
    return docs;
}

// changes → manifests → analyze: one run of the engine, shared by the action and the CLI.
const DEFAULT_PATTERNS = ['**/*.yaml', '**/*.yml'];
/** Files read for `auto` version detection besides the matched manifests. */
const DETECTION_FILE = /(^|\/)Chart\.ya?ml$/;
async function runAnalysis(sources, options) {
    const config = options.config ?? EMPTY_CONFIG;
    // The Kubernetes rule skips versions it cannot read, so a typo here would silently switch it off.
    if (options.kubernetesVersion && kubernetesMinor(options.kubernetesVersion) === undefined) {
        throw new UsageError(`kubernetes-version "${options.kubernetesVersion}" is not a Kubernetes version; expected e.g. 1.31 or v1.31.2`);
    }
    const channelInput = options.gatewayApiChannel ?? config.gatewayApiChannel;
    if (channelInput !== undefined && !GATEWAY_API_CHANNELS.includes(channelInput)) {
        throw new UsageError(`gateway-api-channel "${channelInput}" is not a Gateway API channel; expected standard or experimental`);
    }
    const gatewayApiChannel = channelInput;
    const matches = pathMatcher(options.paths.length ? options.paths : DEFAULT_PATTERNS, config.ignore);
    const notChecked = [];
    // Detection runs on both sides whenever there is a base: a PR that moves the Istio version widens the scope.
    const maxFileBytes = options.maxFileBytes ?? config.maxFileSize;
    const headDetection = options.target === 'auto' || sources.base ? await detectInSnapshot(sources.head, matches, maxFileBytes) : undefined;
    const baseDetection = sources.base ? await detectInSnapshot(sources.base, matches, maxFileBytes, headDetection?.parsed) : undefined;
    const headDetected = headDetection?.detection;
    const baseDetected = baseDetection?.detection;
    const target = chooseVersion(options.target, headDetected?.chosen, 'target-version');
    if (!target)
        throw new UsageError(noVersionMessage(headDetected));
    const from = options.from && options.from !== '' ? chooseVersion(options.from, baseDetected?.chosen, 'from-version', parseFromRelease) : undefined;
    const versionBump = !!(headDetected?.chosen && baseDetected?.chosen && headDetected.chosen.version !== baseDetected.chosen.version);
    // Scope: the changed files, or every manifest when the PR moves the Istio version.
    const changed = sources.changes.files.filter((f) => f.status !== 'removed' && matches(f.path));
    const headPaths = versionBump ? (await sources.head.list()).filter(matches) : changed.map((f) => f.path);
    const analyzers = options.analyzers ?? ANALYZERS;
    const inputs = {
        target: target.release,
        ...(from ? { from: from.release } : {}),
        ...(options.kubernetesVersion ? { kubernetesVersion: options.kubernetesVersion } : {}),
        ...(gatewayApiChannel ? { gatewayApiChannel } : {}),
        repositoryPaths: headDetection?.paths ?? new Set(headPaths),
        files: []
    };
    // Every head document is in scope without a base and on a version bump: those files stream through the analysis
    // (checked while parsed, position trees released), so a whole repository never holds all its trees at once.
    const streamed = !sources.base || versionBump ? await parseAndCheck(sources.head, headPaths, { ...inputs, files: [] }, config, analyzers, { withFindings: !!sources.base, maxFileBytes, installs: !!options.kubernetesVersion || !!config.targets?.some((t) => t.kubernetesVersion) }) : undefined;
    const headFiles = streamed ? streamed.files : await parseAll(sources.head, headPaths, maxFileBytes, headDetection?.parsed);
    // What detection parsed and the analysis does not use is dropped now, not held for the rest of the run.
    headDetection?.parsed.clear();
    inputs.files = headFiles;
    let baseFiles = [];
    const renames = new Map();
    const touched = new Set(sources.changes.files.map((f) => f.path));
    if (sources.base) {
        const basePaths = new Set();
        for (const f of sources.changes.files) {
            if (!matches(f.path) && !(f.previousPath && matches(f.previousPath)))
                continue;
            if (f.status === 'added')
                continue;
            const old = f.previousPath ?? f.path;
            if (f.previousPath)
                renames.set(f.path, f.previousPath);
            basePaths.add(old);
        }
        // A file the PR did not touch is the same before it: its head parse stands for the base one (half the
        // parsing of a version bump). Past GitHub's 3000-file listing the change set may be incomplete: read the base.
        const reused = [];
        if (versionBump) {
            const complete = !(sources.changes.source === 'github' && sources.changes.files.length >= MAX_PULL_FILES);
            for (const file of headFiles) {
                if (touched.has(file.path))
                    continue;
                if (complete)
                    reused.push(file);
                else
                    basePaths.add(file.path);
            }
        }
        baseFiles = [...(await parseAll(sources.base, [...basePaths], maxFileBytes, baseDetection?.parsed)), ...reused];
        baseDetection?.parsed.clear();
    }
    const resources = diffResources(baseFiles, headFiles, renames);
    const inScope = [];
    for (const change of resources) {
        if (!change.head)
            continue;
        if (versionBump || !sources.base || change.status === 'added' || change.status === 'changed')
            inScope.push(change.head);
    }
    const knownRules = allRules(analyzers).map((r) => r.id);
    const head = analyseSide(headFiles, inScope, inputs, config, analyzers, knownRules, headFiles.flatMap((f) => f.documents), streamed?.early);
    for (const file of headFiles) {
        if (file.problems.some((p) => p.severity !== 'error') && file.documents.length === 0)
            notChecked.push({ file: file.path, reason: file.problems[0].message });
    }
    let findings = head.findings;
    // Auto detection: files that name another Istio minor than the chosen one (classified with the rest below).
    if (options.target === 'auto' && headDetected)
        findings = [...findings, ...applyRuleSettings(disagreement(headDetected), config)];
    let baseline;
    if (sources.base) {
        // The base, analysed as it ran before the PR: against the release it was at when the PR moves the version
        // (so what the move breaks is new), else against the same releases as the head.
        const baseRelease = versionBump ? (from?.release ?? releaseOrUndefined(baseDetected?.chosen?.version) ?? target.release) : target.release;
        const baseInputs = {
            target: baseRelease,
            ...(!versionBump && from ? { from: from.release } : {}),
            ...(options.kubernetesVersion ? { kubernetesVersion: options.kubernetesVersion } : {}),
            ...(gatewayApiChannel ? { gatewayApiChannel } : {}),
            ...(baseDetection ? { repositoryPaths: baseDetection.paths } : {}),
            // Repository checks need a file to anchor to; a PR that only adds files has no base file in scope.
            files: baseFiles.length ? baseFiles : headFiles
        };
        // Only the base counterparts of head documents with findings: the cost follows the findings, not the repository.
        const renamed = pairRenamedResources(resources, renames);
        const counterpart = new Map(renamed);
        for (const change of resources)
            if (change.head && change.base)
                counterpart.set(change.head, change.base);
        // Documents known by their place in a file (no name) lose their pairing when a document is inserted above
        // them: for those, every base document of the same kind in the same file is a possible counterpart.
        const sameKind = (file, d) => `${file}\u0000${d.resource ? `${d.resource.apiVersion}/${d.resource.kind}` : d.kind}`;
        const byKind = new Map();
        for (const file of baseFiles) {
            for (const d of file.documents) {
                const key = sameKind(d.file, d);
                const list = byKind.get(key);
                if (list)
                    list.push(d);
                else
                    byKind.set(key, [d]);
            }
        }
        const wanted = new Set();
        for (const doc of documentsWithFindings(findings, inScope)) {
            const old = counterpart.get(doc);
            if (old)
                wanted.add(old);
            if (doc.resource?.name === undefined)
                for (const d of byKind.get(sameKind(renames.get(doc.file) ?? doc.file, doc)) ?? [])
                    wanted.add(d);
        }
        const baseDocs = [...wanted];
        const baseSide = analyseSide(baseFiles, baseDocs, baseInputs, config, analyzers, knownRules, baseDocs);
        const renamedResources = new Map();
        for (const [now, before] of renamed) {
            const a = resourceIdentity(now.resource);
            const b = resourceIdentity(before.resource);
            if (a && b)
                renamedResources.set(a, b);
        }
        const byPath = new Map(sources.changes.files.map((f) => [f.path, f]));
        findings = classifyFindings(findings, baseSide.findings, {
            renames,
            renamedResources,
            untouched: (path) => !touched.has(path),
            addedLine: (path, line) => byPath.get(path)?.addedLines.has(line) ?? false
        });
        baseline = { target: baseRelease, ...(baseInputs.from ? { from: baseInputs.from } : {}), documentsChecked: baseDocs.length };
    }
    return {
        target,
        ...(from ? { from } : {}),
        ...(options.kubernetesVersion ? { kubernetesVersion: options.kubernetesVersion } : {}),
        versionBump,
        changes: sources.changes,
        resources,
        findings: findings.sort(compareFindings),
        notChecked,
        documentsChecked: inScope.length,
        ...(Object.keys(head.targetsByFile).length ? { targetsByFile: head.targetsByFile } : {}),
        ...(options.target === 'auto' && headDetected?.candidates.length ? { versionCandidates: headDetected.candidates } : {}),
        ...(baseline ? { baseline } : {}),
        ...(options.failOnExisting ? { failOnExisting: true } : {})
    };
}
/**
 * One side's findings: the files' parse problems, the analyzers over `docs` (grouped by per-path targets),
 * suppressions (annotations of `suppressors` may suppress), rule settings and overlap merging.
 */
function analyseSide(files, docs, inputs, config, analyzers, knownRules, suppressors, early) {
    const findings = [];
    for (const file of files)
        for (const p of file.problems)
            findings.push(p);
    // Per-path targets: one analysis per set of releases, each with its own context.
    const { groups, targetsByFile } = groupByTarget(docs, files, config, inputs);
    for (const group of groups)
        for (const f of analyzeDocuments(group.docs, group.ctx, analyzers, early))
            findings.push(f);
    // Annotations of any head document may suppress (repository findings can point anywhere); broken ones are reported only in scope.
    const suppressed = applySuppressions(findings, suppressors, { inScope: new Set(docs), knownRules });
    return { findings: mergeOverlaps(applyRuleSettings(suppressed, config)), targetsByFile };
}
function releaseOrUndefined(version) {
    if (version === undefined)
        return undefined;
    try {
        return parseRelease(version);
    }
    catch {
        return undefined;
    }
}
/** Why `auto` found nothing, naming the Istio installs whose version could not be read (e.g. a Flux "${version}"). */
function noVersionMessage(detected) {
    const base = 'target-version is auto, but no Istio version was found in the repository (Flux HelmRelease, Argo CD Application or ApplicationSet, kustomize helmCharts, Chart.yaml dependency, istiod image or IstioOperator spec.tag)';
    const unresolved = detected?.unresolved ?? [];
    if (unresolved.length === 0)
        return `${base}; set target-version, e.g. 1.28`;
    const named = unresolved.slice(0, 3).map((u) => `${u.file}:${u.line} (${u.how}: "${u.version}")`).join(', ');
    return `${base}; ${unresolved.length === 1 ? 'this install names its version in a form' : 'these installs name their version in a form'} istio-compat cannot read, such as a Flux substitution: ${named}${unresolved.length > 3 ? ` and ${unresolved.length - 3} more` : ''}; set target-version, e.g. 1.28`;
}
/**
 * One `version-sources-disagree` warning per file that names another Istio minor than the one auto detection
 * chose, so a decoy (an example IstioOperator, a stale values file) is visible instead of silently outranked.
 */
function disagreement(detected) {
    const chosen = detected.chosen;
    if (!chosen)
        return [];
    const seen = new Set();
    const out = [];
    for (const d of detected.disagreeing) {
        if (seen.has(d.file))
            continue;
        seen.add(d.file);
        out.push({
            rule: 'version-sources-disagree',
            severity: 'warning',
            message: `${d.how} names Istio ${d.version}, but the repository installs ${chosen.version} (${chosen.how} at ${chosen.file}:${chosen.line}); istio-compat checks against ${chosen.version}, so this file is checked against a release it does not name.`,
            file: d.file,
            line: d.line
        });
    }
    return out;
}
function chooseVersion(input, detected, name, parse = parseRelease) {
    if (input !== 'auto')
        return { release: parse(input), origin: 'input' };
    if (!detected)
        return undefined;
    try {
        return { release: parse(detected.version), origin: `${detected.file}:${detected.line} (${detected.how})` };
    }
    catch (error) {
        throw new UsageError(`${name} auto: ${detected.file}:${detected.line} names Istio ${detected.version}: ${error.message}`);
    }
}
/**
 * The Istio version a snapshot names (also what a readiness run starts from). Files detection reads are parsed here once, kept in `parsed`, and reused
 * from `previous` (the head's, for the base) where the bytes are the same: a file the PR did not touch is
 * parsed once for both sides.
 */
async function detectInSnapshot(snapshot, matches, maxFileBytes, previous) {
    const listed = await snapshot.list();
    const paths = listed.filter((p) => matches(p) || DETECTION_FILE.test(p));
    const contents = await snapshot.read(paths);
    const parsed = new Map();
    const files = [];
    for (const [path, data] of contents) {
        const same = previous?.get(path);
        if (same && sameBytes(same.data, data)) {
            parsed.set(path, same);
            files.push(same.file);
            continue;
        }
        if (!mayNameVersion(new TextDecoder().decode(data)))
            continue;
        const file = parseManifestFile(path, data, maxFileBytes ? { maxFileBytes } : {});
        parsed.set(path, { data, file });
        files.push(file);
    }
    return { detection: detectIstio(files), parsed, paths: new Set(listed) };
}
function sameBytes(a, b) {
    return a.byteLength === b.byteLength && Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(Buffer.from(b.buffer, b.byteOffset, b.byteLength));
}
async function parseAll(snapshot, paths, maxFileBytes, parsed) {
    const wanted = parsed ? paths.filter((p) => !parsed.has(p)) : paths;
    const contents = await snapshot.read(wanted);
    const out = [];
    for (const p of paths) {
        const known = parsed?.get(p);
        if (known)
            out.push(known.file);
        else if (contents.has(p))
            out.push(parseManifestFile(p, contents.get(p), maxFileBytes ? { maxFileBytes } : {}));
    }
    return out;
}
/** minimatch patterns, `!` negates; the config's ignore list always excludes. */
function pathMatcher(patterns, ignore = []) {
    const all = [...patterns, ...ignore.map((p) => `!${p}`)];
    return (path) => matchesPatterns(path, all);
}

// The gate: the job's exit status is the required check (a bot's REQUEST_CHANGES would linger until dismissed).
/**
 * A finding the gate counts: not suppressed, and caused by the PR (baselineState 'new', or no baseline at all)
 * unless fail-on-existing asks for every finding.
 */
function isGating(finding, options = {}) {
    return !finding.suppressed && (options.failOnExisting === true || finding.baselineState !== 'unchanged');
}
function gate(findings, failOn, options = {}) {
    const active = findings.filter((f) => isGating(f, options));
    const existing = options.failOnExisting ? 0 : findings.filter((f) => !f.suppressed && f.baselineState === 'unchanged').length;
    const highest = active.reduce((max, f) => (max === undefined || severityRank(f.severity) > severityRank(max) ? f.severity : max), undefined);
    const failing = failOn === 'never' ? 0 : active.filter((f) => severityRank(f.severity) >= severityRank(failOn)).length;
    const base = { failOn, failing, existing, ...(highest ? { highest } : {}) };
    const left = existing > 0 ? ` ${existing} finding(s) already there before this change do not count (fail-on-existing is off).` : '';
    if (failing > 0) {
        return { ...base, exitCode: 1, message: `${failing} finding(s) at or above "${failOn}" (fail-on); the most severe is ${highest}.${left}` };
    }
    return { ...base, exitCode: 0, message: `${highest ? `No finding at or above "${failOn}" (fail-on); the most severe is ${highest}.` : 'No findings.'}${left}` };
}

// Finding counts: the action outputs, the summary headline and the gate speak the same numbers.
function countFindings(findings, options = {}) {
    const counts = { errors: 0, warnings: 0, notices: 0, suppressed: 0, existing: 0 };
    for (const f of findings) {
        if (f.suppressed) {
            counts.suppressed++;
            continue;
        }
        if (f.baselineState === 'unchanged')
            counts.existing++;
        if (!isGating(f, { failOnExisting: options.includeExisting === true }))
            continue;
        if (f.severity === 'error')
            counts.errors++;
        else if (f.severity === 'warning')
            counts.warnings++;
        else
            counts.notices++;
    }
    return counts;
}

// Stable identities of findings: hidden in review comments (dedupe across runs) and in SARIF partialFingerprints.
/** A finding's identity without its line, so a comment survives edits elsewhere in the file. */
function identity(finding, target) {
    const r = finding.resource;
    const resource = r ? `${r.apiVersion}/${r.kind}/${r.namespace ?? ''}/${r.name ?? ''}` : '';
    return [finding.rule, finding.file, resource, finding.path ?? '', finding.message, target].join('\u0000');
}
/**
 * Fingerprints (16 hex digits) for a list of findings. Findings with the same identity (same rule, file,
 * resource, path and message) are told apart by their order of appearance.
 */
function fingerprints(findings, target) {
    const seen = new Map();
    const out = new Map();
    for (const finding of findings) {
        const id = identity(finding, target);
        const occurrence = seen.get(id) ?? 0;
        seen.set(id, occurrence + 1);
        out.set(finding, createHash('sha256').update(`${id}\u0000${occurrence}`).digest('hex').slice(0, 16));
    }
    return out;
}
/** The apiVersion's group only: v1beta1 → v1 of the same resource is the same place. */
function resourceKey(finding) {
    const r = finding.resource;
    return r ? `${groupOf$1(r.apiVersion)}/${r.kind}/${r.namespace ?? ''}/${r.name ?? ''}` : '';
}
/**
 * SARIF partialFingerprints that survive across commits and target changes: rule + file + resource + YAML path +
 * message with release numbers normalised as the baseline matches them (src/baseline.ts), never the line (code scanning would otherwise close and reopen an alert on every edit
 * above it) nor the target release. Identical identities are told apart by their order of appearance.
 */
function stableFingerprints(findings) {
    const seen = new Map();
    const out = new Map();
    for (const finding of findings) {
        const id = [finding.rule, finding.file, resourceKey(finding), finding.path ?? '', normaliseMessage(finding.rule, finding.message)].join('\u0000');
        const occurrence = seen.get(id) ?? 0;
        seen.set(id, occurrence + 1);
        out.set(finding, createHash('sha256').update(`${id}\u0000${occurrence}`).digest('hex').slice(0, 16));
    }
    return out;
}

const JSON_REPORT_VERSION = 1;
function toJsonReport(result) {
    const prints = fingerprints(result.findings, result.target.release.version);
    return {
        version: JSON_REPORT_VERSION,
        target: { release: result.target.release.version, origin: result.target.origin },
        ...(result.from ? { from: { release: result.from.release.version, origin: result.from.origin } } : {}),
        ...(result.kubernetesVersion ? { kubernetesVersion: result.kubernetesVersion } : {}),
        versionBump: result.versionBump,
        ...(result.changes.headSha ? { headSha: result.changes.headSha } : {}),
        counts: { ...countFindings(result.findings, { includeExisting: result.failOnExisting === true }), new: result.findings.filter((f) => !f.suppressed && f.baselineState !== 'unchanged').length },
        ...(result.baseline
            ? { baseline: { target: result.baseline.target.version, ...(result.baseline.from ? { from: result.baseline.from.version } : {}), documentsChecked: result.baseline.documentsChecked } }
            : {}),
        ...(result.failOnExisting ? { failOnExisting: true } : {}),
        documentsChecked: result.documentsChecked,
        ...(result.versionCandidates?.length ? { versionCandidates: result.versionCandidates.map((d) => ({ version: d.version, file: d.file, line: d.line, how: d.how })) } : {}),
        findings: result.findings.map((f) => ({ ...f, fingerprint: prints.get(f) })),
        resources: result.resources.map((r) => {
            const doc = r.head ?? r.base;
            return {
                status: r.status,
                key: r.key,
                ...(doc?.resource ? { kind: doc.resource.kind, ...(doc.resource.namespace ? { namespace: doc.resource.namespace } : {}), ...(doc.resource.name ? { name: doc.resource.name } : {}) } : {}),
                ...(doc ? { file: doc.file, line: doc.line } : {})
            };
        }),
        changedFiles: result.changes.files.map((f) => ({
            path: f.path,
            status: f.status,
            ...(f.previousPath ? { previousPath: f.previousPath } : {}),
            ...(f.patchMissing ? { patchMissing: true } : {})
        })),
        notChecked: result.notChecked.map((n) => ({ file: n.file, reason: n.reason }))
    };
}
function renderJson(result) {
    return `${JSON.stringify(toJsonReport(result), null, 2)}\n`;
}

// Everything that comes from a manifest is hostile text: these helpers make it inert in each output format.
const ZERO_WIDTH_JOINER = '\u200D';
// Bidi overrides and isolates can make rendered text read differently from its source ("Trojan Source").
const BIDI_CONTROLS$1 = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/g;
// C0/C1 controls except tab; they have no business in a comment and some terminals act on them.
const CONTROL_CHARS$1 = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;
const NEWLINES$1 = /\r\n|\r|\n|\u2028|\u2029/g;
// Every ASCII punctuation character CommonMark/GFM may give a meaning to; a backslash makes each literal.
const MARKDOWN_PUNCTUATION = /[\\`*_{}[\]()#+\-.!|~<>&"'=:$^]/g;
function visibleCodePoint(ch) {
    return `<U+${ch.codePointAt(0).toString(16).toUpperCase().padStart(4, '0')}>`;
}
/** Removes controls and shows bidi characters as their code point, on one line. */
function flatten$1(text) {
    return text
        .replace(NEWLINES$1, ' ')
        .replace(/\t/g, ' ')
        .replace(CONTROL_CHARS$1, '')
        .replace(BIDI_CONTROLS$1, visibleCodePoint);
}
/**
 * Plain text → inline markdown that renders as the same text: one line, no HTML, no emphasis, links,
 * headings, list markers or table cell breaks, and no @mentions (a zero-width joiner after the `@`).
 * Safe inside a GFM table cell.
 */
function escapeMarkdown(text) {
    return flatten$1(text)
        .replace(MARKDOWN_PUNCTUATION, (ch) => (ch === '<' ? '&lt;' : ch === '>' ? '&gt;' : ch === '&' ? '&amp;' : `\\${ch}`))
        .replace(/@(?=[A-Za-z0-9_-])/g, `@${ZERO_WIDTH_JOINER}`);
}
function longestBacktickRun(text) {
    let longest = 0;
    for (const run of text.match(/`+/g) ?? [])
        longest = Math.max(longest, run.length);
    return longest;
}
/**
 * Text as an inline code span that no backtick in it can close early. In a table cell (`table: true`) the
 * pipes are escaped too: GFM splits cells on `|` even inside code spans and renders `\|` there as `|`.
 */
function codeSpan(text, options = {}) {
    let body = flatten$1(text);
    if (body === '')
        return escapeMarkdown('(empty)');
    if (options.table)
        body = body.replace(/\|/g, '\\|');
    const fence = '`'.repeat(longestBacktickRun(body) + 1);
    // CommonMark strips one space on each side when both are present; pad so backticks at the edges stay content.
    const padded = body.startsWith('`') || body.endsWith('`') || (body.startsWith(' ') && body.endsWith(' ')) ? ` ${body} ` : body;
    return `${fence}${padded}${fence}`;
}
/**
 * A fenced code block (e.g. ```suggestion) whose fence is longer than any backtick run in the content,
 * so the content can never end the block. The content is kept byte for byte: it is code, not prose.
 */
function fencedBlock(content, info) {
    const fence = '`'.repeat(Math.max(3, longestBacktickRun(content) + 1));
    const body = content === '' ? '' : `${content}\n`;
    return `${fence}${info}\n${body}${fence}`;
}
/** A text for a terminal: control characters (ANSI escapes included) are shown, never sent. */
function escapeTerminal(text) {
    return text
        .replace(NEWLINES$1, ' ')
        .replace(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g, visibleCodePoint)
        .replace(BIDI_CONTROLS$1, visibleCodePoint);
}

// Where a rule's documentation lives; the one place that knows the project's URL.
/** Used when the action's own repository is unknown (CLI runs). */
const PROJECT_URL = 'https://github.com/istio-compat/istio-compat';
const PROJECT_DOCS_REF = 'main';
/**
 * docs/rules/<id>.md of the running action: Actions sets GITHUB_ACTION_REPOSITORY and GITHUB_ACTION_REF for
 * the step of a `uses:` action, so the link matches the version that produced the finding.
 */
function ruleDocsUrl(ruleId, env = process.env) {
    const repository = env['GITHUB_ACTION_REPOSITORY'];
    const base = repository ? `${env['GITHUB_SERVER_URL'] || 'https://github.com'}/${repository}` : PROJECT_URL;
    const ref = repository && env['GITHUB_ACTION_REF'] ? env['GITHUB_ACTION_REF'] : PROJECT_DOCS_REF;
    return `${base}/blob/${encodeURIComponent(ref)}/docs/rules/${encodeURIComponent(ruleId)}.md`;
}
function repoUrl(ctx) {
    return ctx.serverUrl && ctx.repository ? `${ctx.serverUrl.replace(/\/+$/, '')}/${ctx.repository}` : undefined;
}
function encodePath(path) {
    return path.split('/').map(encodeURIComponent).join('/');
}
/** `<server>/<repo>/blob/<sha>/<path>#L<start>-L<end>`: the exact lines at that commit. */
function permalink(ctx, file, line, endLine, sha = ctx.headSha) {
    const repo = repoUrl(ctx);
    if (!repo || !sha)
        return undefined;
    const anchor = line === undefined || line < 1 ? '' : endLine !== undefined && endLine > line ? `#L${line}-L${endLine}` : `#L${line}`;
    return `${repo}/blob/${sha}/${encodePath(file)}${anchor}`;
}
function commitUrl(ctx, sha = ctx.headSha) {
    const repo = repoUrl(ctx);
    return repo && sha ? `${repo}/commit/${sha}` : undefined;
}

// The project's own sentences (finding messages, fixes) as Markdown a reader enjoys: identifiers in code spans,
// no backslash noise, and still inert whatever a manifest put into them.
//
// A finding's `message` is plain text that mixes the project's prose with values taken from the manifest
// (YAML paths, keys, enum values, names). Rather than marking every value at each of the analyzers, the
// renderer finds the identifiers: the finding's own structured fields (YAML path, resource name, apiVersion)
// wherever they occur, and tokens shaped like identifiers (dotted or slashed names, env vars, camelCase keys,
// `key[0]` paths). Those become code spans, which show any text literally. Everything else is escaped
// minimally: only characters that could start Markdown or HTML at that place get an escape, so ordinary prose
// (periods, colons, parentheses, hyphens) reaches the page, e-mail notifications and API consumers untouched,
// while text from a manifest still cannot open a link, emphasis, HTML, a table cell or an @mention.
const ZWJ = '\u200D';
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/g;
const CONTROL_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;
const NEWLINES = /\r\n|\r|\n|\u2028|\u2029/g;
/** Echoed manifest text longer than this is cut (a 20,000-character value must not cost the review). */
const MAX_ECHO = 300;
/** A whole message or fix sentence longer than this is cut. */
const MAX_SENTENCE = 1_000;
function flatten(text) {
    return text
        .replace(NEWLINES, ' ')
        .replace(/\t/g, ' ')
        .replace(CONTROL_CHARS, '')
        .replace(BIDI_CONTROLS, (ch) => `<U+${ch.codePointAt(0).toString(16).toUpperCase().padStart(4, '0')}>`);
}
/** Cuts text to `max` characters (never inside a surrogate pair), marking the cut with an ellipsis. */
function truncate(text, max) {
    if (text.length <= max)
        return text;
    let end = max - 1;
    if (/[\uD800-\uDBFF]/.test(text[end - 1] ?? ''))
        end--;
    return `${text.slice(0, end)}…`;
}
/**
 * Plain text → inline Markdown that shows the same text, with an escape only where Markdown could act:
 * backslashes, code/emphasis/strikethrough/link/table characters, HTML and entities, a block marker at the
 * start, autolinks (`scheme://`, `www.`) and @mentions or #references (a zero-width joiner breaks them).
 */
function escapeInline(text, options = {}) {
    const references = options.references ?? true;
    let out = flatten(text)
        .replace(/[\\`*_~[\]|]/g, (ch) => `\\${ch}`)
        .replace(/[<>&]/g, (ch) => (ch === '<' ? '&lt;' : ch === '>' ? '&gt;' : '&amp;'))
        .replace(/\$(?=\S)/g, '\\$')
        .replace(/([A-Za-z][A-Za-z0-9+.-]*):(?=\/\/)/g, '$1\\:')
        .replace(/\b(www)\./gi, '$1\\.')
        .replace(references ? /([@#])(?=[A-Za-z0-9_-])/g : /(@)(?=[A-Za-z0-9_-])/g, `$1${ZWJ}`);
    // Block syntax only acts at the start of a line: headings, quotes, lists, thematic breaks, setext underlines.
    out = out.replace(/^(\s*)([#>+=-]|\d+[.)])/, (_m, space, mark) => `${space}${mark.replace(/([#>+=.)-])$/, '\\$1')}`);
    return out;
}
// Version numbers (1.28, 1.28.1, 1.31.0-rc.0, v1.30) read as prose, not identifiers.
const VERSION = /^v?\d+(\.\d+)+(-[A-Za-z0-9.]+)?$/;
const ABBREVIATIONS = new Set(['e.g', 'i.e', 'etc', 'vs']);
// A token: a run of non-space characters; brackets and quotes inside a path stay part of it.
const TOKEN = /[^\s]+/g;
const TRAILING = /[.,;:!?)'"]+$/;
const LEADING = /^[('"]+/;
/** True for a token that is a name from YAML or Istio rather than a word of a sentence. */
function looksLikeIdentifier(token) {
    if (token.length < 2 || VERSION.test(token) || ABBREVIATIONS.has(token.toLowerCase()))
        return false;
    // Names are made of these (a cut one ends in an ellipsis); anything with HTML or backticks in it is text to escape.
    if (!/^[\w.\-/[\]"'=:{}$*@]+…?$/.test(token))
        return false;
    if (token.endsWith('…'))
        return token.length > 20;
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(token))
        return false; // a URL: linked elsewhere or shown as text
    if (/^[A-Z][A-Z0-9]*(_[A-Z0-9]+)+$/.test(token))
        return true; // ENV_VAR_NAME
    if (/[[\]{}=_$]/.test(token) && /[A-Za-z]/.test(token))
        return true; // spec.x[0], key=value, snake_case
    if (/^[^./]+([./][^./]+)+\/?$/.test(token) && /[A-Za-z]/.test(token)) {
        // dotted or slashed names: spec.tracing, sidecar.istio.io/nativeSidecar, networking.istio.io/v1
        const parts = token.split(/[./]/);
        // "and/or", "Add/Remove" are words
        return parts.some((p) => p.length >= 2) && !/^[A-Za-z][a-z]*\/[A-Za-z][a-z]*$/.test(token);
    }
    if (/^[a-z]+[A-Z][A-Za-z0-9]*$/.test(token))
        return true; // camelCase keys: randomSamplingPercentage
    return false;
}
/**
 * A sentence of the project (a finding's message, a fix description) as Markdown: identifiers and the given
 * manifest values as code spans, the rest escaped minimally, echoed values and the sentence length capped.
 */
function prose(text, manifestValues = []) {
    // A long echoed value (a 20,000-character key, say) is cut on its own first, so the sentence around it stays.
    const cutTokens = (s) => s.replace(/\S{301,}/g, (t) => truncate(t, MAX_ECHO));
    const flat = truncate(cutTokens(flatten(text)), MAX_SENTENCE);
    // Longest first, so `spec.a.b` wins over `spec.a` when both are given.
    const values = [...new Set(manifestValues.filter((v) => !!v && v.length >= 2).map((v) => cutTokens(flatten(v))))].sort((a, b) => b.length - a.length);
    const parts = [];
    let at = 0;
    const pushText = (s) => {
        if (s !== '')
            parts.push(escapeInline(s));
    };
    const pushCode = (s) => parts.push(codeSpan(truncate(s, MAX_ECHO)));
    while (at < flat.length) {
        // Earliest occurrence of a given value, else the next identifier-shaped token.
        let best;
        for (const v of values) {
            const index = flat.indexOf(v, at);
            if (index >= 0 && (best === undefined || index < best.index || (index === best.index && v.length > best.length)))
                best = { index, length: v.length };
        }
        TOKEN.lastIndex = at;
        let match;
        let token;
        while ((match = TOKEN.exec(flat)) !== null) {
            if (best !== undefined && match.index >= best.index)
                break;
            const lead = LEADING.exec(match[0])?.[0].length ?? 0;
            const core = match[0].slice(lead).replace(TRAILING, '');
            if (looksLikeIdentifier(core)) {
                token = { index: match.index + lead, length: core.length };
                break;
            }
        }
        const next = token && (!best || token.index < best.index) ? token : best;
        if (!next) {
            pushText(flat.slice(at));
            break;
        }
        pushText(flat.slice(at, next.index));
        pushCode(flat.slice(next.index, next.index + next.length));
        at = next.index + next.length;
    }
    return parts.join('');
}
/** Free-form text from a manifest or a config file (a reason, a parser message): escaped as a whole and capped. */
function manifestText(text) {
    return escapeMarkdown(truncate(text, MAX_SENTENCE));
}
// ---- sources --------------------------------------------------------------------------------------------
/**
 * Hosts a source link may point at. Sources come from the bundled catalog and schema index, but a link is
 * only made when the host is one of these (https only); anything else is shown as text.
 */
const SOURCE_HOSTS = [
    'istio.io',
    'preliminary.istio.io',
    'github.com',
    'kubernetes.io',
    'gateway-api.sigs.k8s.io',
    'gateway-api-inference-extension.sigs.k8s.io'
];
function deslug(slug) {
    const words = decodeURIComponent(slug).replace(/[-_]+/g, ' ').trim();
    return words.charAt(0).toUpperCase() + words.slice(1);
}
/** A readable title for a source URL: "Istio 1.27 upgrade notes › Native sidecar enabled by default", "istio/istio#48794". */
function sourceTitle(url) {
    const segments = url.pathname.split('/').filter(Boolean);
    const section = url.hash.length > 1 ? deslug(url.hash.slice(1)) : '';
    const withSection = (title) => (section ? `${title} › ${section}` : title);
    if (/(^|\.)istio\.io$/.test(url.hostname)) {
        const release = segments.findIndex((s) => s === 'releases');
        const announcing = segments.find((s) => s.startsWith('announcing-'));
        if (release >= 0 && announcing) {
            const version = announcing.slice('announcing-'.length);
            const page = segments.at(-1) === announcing ? 'release notes' : deslug(segments.at(-1)).toLowerCase();
            return withSection(`Istio ${version} ${page}`);
        }
        return withSection(`istio.io › ${deslug(segments.at(-1) ?? 'docs')}`);
    }
    if (url.hostname === 'github.com' && segments.length >= 2) {
        const repo = `${segments[0]}/${segments[1]}`;
        if ((segments[2] === 'issues' || segments[2] === 'pull') && /^\d+$/.test(segments[3] ?? ''))
            return `${repo}#${segments[3]}`;
        if ((segments[2] === 'tree' || segments[2] === 'blob') && segments[3]) {
            const ref = /^[0-9a-f]{40}$/.test(segments[3]) ? segments[3].slice(0, 7) : segments[3];
            return `${repo} ${segments.slice(4).join('/') || 'tree'} at ${ref}`;
        }
        return repo;
    }
    return withSection(`${url.hostname} › ${deslug(segments.at(-1) ?? '')}`.replace(/ › $/, ''));
}
function toSourceLink(raw) {
    let url;
    try {
        url = new URL(raw);
    }
    catch {
        return undefined;
    }
    const linkable = url.protocol === 'https:' && SOURCE_HOSTS.includes(url.hostname) && url.username === '' && url.password === '';
    return { url: url.href, title: sourceTitle(url), linkable };
}
/**
 * A finding's `source` ("<url>", "<url> (<url>, <url>)" or "<url> (a note)") as links and a note. Unparseable
 * sources come back as `note` only.
 */
function parseSource(source) {
    const m = /^(\S+)(?:\s+\((.*)\))?\s*$/.exec(source.trim());
    const first = m ? toSourceLink(m[1]) : undefined;
    if (!m || !first)
        return { links: [], note: source };
    const links = [first];
    const extra = m[2]?.trim();
    if (!extra)
        return { links };
    const refs = extra.split(/,\s*/);
    const parsed = refs.map(toSourceLink);
    if (parsed.every((p) => p !== undefined))
        return { links: [...links, ...parsed] };
    return { links, note: extra };
}
/** A link as Markdown, its title escaped; for a host outside the allow-list, the title and URL as text. */
function markdownLink(link) {
    // Inside link text a #123 is not linked again: the title keeps its reference as it is.
    const title = escapeInline(link.title, { references: !link.linkable });
    // Parentheses and spaces are percent-encoded by URL; `<>` keeps any remaining punctuation literal.
    return link.linkable ? `[${title}](${link.url.replace(/[()<> ]/g, (c) => encodeURIComponent(c))})` : `${title} (${codeSpan(link.url)})`;
}
/** "Source: [title](url) · [istio/istio#1](url)" or undefined when the finding names none. */
function renderSource(source) {
    if (!source)
        return undefined;
    const { links, note } = parseSource(source);
    const parts = links.map(markdownLink);
    if (note)
        parts.push(links.length ? `(${escapeInline(note)})` : escapeInline(note));
    return parts.join(' · ');
}

/** The hidden marker that identifies the sticky summary comment; it starts the body. */
const SUMMARY_MARKER = '<!-- istio-compat:summary -->';
/** Findings about the cluster or the upgrade as a whole: shown under the headline, never on a line of a file. */
const PR_LEVEL_RULES = new Set(['kubernetes-version-unsupported', 'upgrade-path-unsupported']);
function isPrLevel(finding) {
    return PR_LEVEL_RULES.has(finding.rule);
}
/** Already on the base, not caused by this PR (baseline classification). */
function isUnchanged(finding) {
    return finding.baselineState === 'unchanged';
}
const ICON = { error: '🛑', warning: '⚠️', notice: 'ℹ️' };
const TITLE = { error: 'error', warning: 'warning', notice: 'notice' };
const INLINE_MARK = '💬';
/** Lines of YAML shown under a finding outside the diff. */
const SNIPPET_LINES = 5;
const SNIPPET_WIDTH = 160;
/** Resource rows shown one by one; more are shown as counts by kind. */
const RESOURCE_ROWS = 30;
function plural(n, word) {
    return `${n} ${word}${n === 1 ? '' : 's'}`;
}
function size(text, measure) {
    return measure === 'bytes' ? Buffer.byteLength(text, 'utf8') : text.length;
}
/** Natural order: svc-2 before svc-10. */
const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });
const naturalCompare = (a, b) => collator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);
function locationText(file, line, endLine) {
    return endLine !== undefined && endLine > line ? `${file}:${line}-${endLine}` : `${file}:${line}`;
}
const DETAIL_LEVELS = [
    { snippets: true, locations: Infinity, items: Infinity, resources: true, extras: true },
    { snippets: true, locations: Infinity, items: Infinity, resources: false, extras: true },
    { snippets: false, locations: Infinity, items: Infinity, resources: false, extras: true },
    { snippets: false, locations: 20, items: Infinity, resources: false, extras: false },
    { snippets: false, locations: 5, items: 200, resources: false, extras: false },
    { snippets: false, locations: 3, items: 60, resources: false, extras: false },
    { snippets: false, locations: 1, items: 20, resources: false, extras: false }
];
class SummaryRenderer {
    result;
    options;
    links;
    failOn;
    constructor(result, options) {
        this.result = result;
        this.options = options;
        this.links = { ...(options.links ?? {}), ...(options.headSha && !options.links?.headSha ? { headSha: options.headSha } : {}) };
        this.failOn = options.failOn ?? 'error';
    }
    // ---- pieces -------------------------------------------------------------------------------------------
    isInline(f) {
        return this.options.inline?.has(f) ?? false;
    }
    /** A location as a link: the inline thread when there is one, else the exact lines at the head commit. */
    location(f) {
        const text = codeSpan(truncate(locationText(f.file, f.line, f.endLine), 200));
        const thread = this.isInline(f) ? this.links.threads?.get(f) : undefined;
        const url = thread ?? permalink(this.links, f.file, f.line, f.endLine);
        return url ? `[${text}](${url})${this.isInline(f) ? ` ${INLINE_MARK}` : ''}` : `${text}${this.isInline(f) ? ` ${INLINE_MARK}` : ''}`;
    }
    ruleLink(rule) {
        return `[${codeSpan(rule)}](${ruleDocsUrl(rule)})`;
    }
    resourceText(f) {
        const r = f.resource;
        if (!r)
            return '';
        const name = [r.namespace, r.name].filter(Boolean).join('/');
        return `${escapeInline(truncate(r.kind, 80))}${name ? ` ${codeSpan(truncate(name, 120))}` : ''}`;
    }
    message(f) {
        const r = f.resource;
        return prose(f.message, [f.path, r?.apiVersion, r?.name, r && r.namespace && r.name ? `${r.namespace}/${r.name}` : undefined]);
    }
    /** A few lines of the offending YAML at head (only for findings not shown on the diff). */
    snippet(f) {
        const text = this.options.fileText?.(f.file);
        if (text === undefined)
            return undefined;
        const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
        const first = Math.max(1, f.line - 1);
        const last = Math.min(lines.length, Math.max(f.endLine ?? f.line, f.line) + 1, first + SNIPPET_LINES - 1);
        if (first > lines.length)
            return undefined;
        const width = String(last).length;
        const shown = [];
        for (let n = first; n <= last; n++) {
            // Bidi controls would make the code read differently from what it is: show them as code points.
            const line = truncate((lines[n - 1] ?? '').replace(/[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/g, (c) => `<U+${c.codePointAt(0).toString(16).toUpperCase()}>`), SNIPPET_WIDTH);
            shown.push(`${String(n).padStart(width)} ${n >= f.line && n <= (f.endLine ?? f.line) ? '▶' : ' '} ${line}`);
        }
        return fencedBlock(shown.join('\n'), 'yaml');
    }
    /** Resource, YAML path, fix and source: the context an inline comment would carry. */
    context(f, detail, withSnippet) {
        const facts = [];
        if (f.path)
            facts.push(`at ${codeSpan(truncate(f.path, 200))}`);
        if (f.fix)
            facts.push(`**Fix:** ${prose(f.fix.description, [f.path])}`);
        const source = renderSource(f.source);
        if (source)
            facts.push(`Source: ${source}`);
        const out = facts.length ? [facts.join(' · ')] : [];
        const snippet = withSnippet && detail.snippets ? this.snippet(f) : undefined;
        if (snippet)
            out.push(snippet);
        return out;
    }
    // ---- findings -----------------------------------------------------------------------------------------
    /** Identical severity + rule + message, in order of first appearance. */
    groups(findings) {
        const byKey = new Map();
        for (const f of findings) {
            const key = `${f.severity}\u0000${f.rule}\u0000${f.message}`;
            const group = byKey.get(key);
            if (group)
                group.push(f);
            else
                byKey.set(key, [f]);
        }
        return [...byKey.values()];
    }
    /** One list item (a finding or a group of identical ones), as lines indented for the list. */
    item(group, detail, options) {
        const f = group[0];
        const indent = (lines) => lines.flatMap((l) => l.split('\n')).map((l) => (l === '' ? '' : `  ${l}`));
        if (group.length === 1) {
            const head = [this.location(f), this.resourceText(f), this.ruleLink(f.rule)].filter(Boolean).join(' · ');
            const offDiff = !this.isInline(f) && this.options.offDiff?.get(f);
            // <br>: the message on its own line even in a tight list (a plain newline would join the two lines).
            const lines = [`- ${head}${offDiff ? ` · _${escapeInline(offDiff)}_` : ''}<br>`, `  ${this.message(f)}`];
            if (options.context && !this.isInline(f)) {
                const context = this.context(f, detail, true);
                if (context.length)
                    lines.push('', ...indent(context));
            }
            return lines;
        }
        const kinds = new Set(group.map((g) => g.resource?.kind ?? ''));
        const kind = kinds.size === 1 && [...kinds][0] ? ` ${escapeInline(truncate([...kinds][0], 80))}` : '';
        const inline = group.filter((g) => this.isInline(g)).length;
        const lines = [`- ${this.ruleLink(f.rule)} · **${group.length}×**${kind} · ${this.message(f)}`];
        if (options.context) {
            const context = this.context(f, detail, false);
            if (context.length)
                lines.push(`  ${context[0]}`);
        }
        const shown = group.slice(0, detail.locations);
        const rest = group.length - shown.length;
        const summary = `${plural(group.length, 'location')}${inline ? ` (${inline} commented inline)` : ''}`;
        lines.push('', `  <details><summary>${summary}</summary>`, '', `  ${shown.map((g) => this.location(g)).join(', ')}${rest > 0 ? ` and ${rest} more` : ''}`, '', '  </details>');
        return lines;
    }
    list(findings, detail, options) {
        const groups = this.groups(findings);
        const shown = groups.slice(0, detail.items);
        const out = shown.flatMap((g) => [...this.item(g, detail, options), '']);
        const rest = groups.slice(shown.length).reduce((n, g) => n + g.length, 0);
        if (rest > 0)
            out.push(`- _… and ${plural(rest, 'more finding')}, left out to fit GitHub's size limit; the job summary and the JSON report list all of them._`, '');
        return out.join('\n').trimEnd();
    }
    folded(summary, body) {
        return `<details><summary>${summary}</summary>\n\n${body}\n\n</details>`;
    }
    severitySections(findings, detail) {
        const out = [];
        for (const severity of ['error', 'warning', 'notice']) {
            const here = findings.filter((f) => f.severity === severity);
            if (here.length === 0)
                continue;
            const title = `${ICON[severity]} ${plural(here.length, TITLE[severity])}`;
            const body = this.list(here, detail, { context: true });
            out.push(severity === 'error' ? `#### ${title}\n\n${body}` : this.folded(title, body));
        }
        return out;
    }
    // ---- head ---------------------------------------------------------------------------------------------
    /** Findings the gate counts: unsuppressed, and caused by the PR unless fail-on-existing is set. */
    gating() {
        return this.result.findings.filter((f) => !f.suppressed && (this.result.failOnExisting === true || !isUnchanged(f)));
    }
    count(findings) {
        return countFindings(findings, { includeExisting: true });
    }
    blocking(findings) {
        if (this.failOn === 'never')
            return [];
        return findings.filter((f) => severityRank(f.severity) >= severityRank(this.failOn));
    }
    /** "❌ 4 errors block the upgrade to Istio 1.28.1" / "✅ compatible with Istio 1.28". */
    verdict() {
        return this.headline(this.gating()).replace(/^### (\S+) istio-compat: /, '$1 ');
    }
    headline(gating) {
        const target = this.result.target.release.version;
        const from = this.result.from?.release.version;
        const blocking = this.blocking(gating);
        if (blocking.length > 0) {
            const c = this.count(blocking);
            const what = [c.errors && plural(c.errors, 'error'), c.warnings && plural(c.warnings, 'warning'), c.notices && plural(c.notices, 'notice')].filter(Boolean).join(' and ');
            const verb = blocking.length === 1 ? 'blocks' : 'block';
            return from && from !== target ? `### ❌ istio-compat: ${what} ${verb} the upgrade to Istio ${target}` : `### ❌ istio-compat: ${what} ${verb} the merge (Istio ${target})`;
        }
        return from && from !== target ? `### ✅ istio-compat: ready for the upgrade to Istio ${target}` : `### ✅ istio-compat: compatible with Istio ${target}`;
    }
    countsLine(gating, unchanged) {
        const c = this.count(gating);
        const blockingSeverities = new Set(this.blocking(gating).map((f) => f.severity));
        const part = (n, word, severity) => (n === 0 ? '' : blockingSeverities.has(severity) ? `**${plural(n, word)}**` : plural(n, word));
        const counts = [part(c.errors, 'error', 'error'), part(c.warnings, 'warning', 'warning'), part(c.notices, 'notice', 'notice')].filter(Boolean);
        const all = countFindings(this.result.findings);
        const existingNote = this.result.failOnExisting ? 'already there before this PR, counted: fail-on-existing' : 'already there before this PR';
        const extra = [unchanged ? `${unchanged} ${existingNote}` : '', all.suppressed ? `${all.suppressed} suppressed` : ''].filter(Boolean);
        const docs = plural(this.result.documentsChecked, 'YAML document');
        const findings = counts.length ? `${counts.join(', ')} in ${docs}` : `No new findings in ${docs}`;
        const parts = [findings + (extra.length ? ` (${extra.join(', ')})` : '')];
        const sha = this.links.headSha;
        if (sha) {
            const url = commitUrl(this.links, sha);
            parts.push(`checked at ${url ? `[${codeSpan(sha.slice(0, 7))}](${url})` : codeSpan(sha.slice(0, 12))}`);
        }
        if (this.links.runUrl)
            parts.push(`[job](${this.links.runUrl})`);
        if (this.links.summaryUrl && !this.options.marker)
            parts.push(`[PR summary](${this.links.summaryUrl})`);
        return parts.join(' · ');
    }
    /** "[`file:21`](…) (Flux HelmRelease …)" for a release read from a file, undefined for an input. */
    origin(choice, sha) {
        const m = /^(.+?):(\d+)(?:\s+\((.*)\))?$/.exec(choice.origin);
        if (!m)
            return undefined;
        const [, file, line, how] = m;
        const text = codeSpan(truncate(`${file}:${line}`, 200));
        const url = permalink(this.links, file, Number(line), undefined, sha);
        return { where: url ? `[${text}](${url})` : text, ...(how ? { how: prose(how) } : {}) };
    }
    release(choice, sha) {
        const o = this.origin(choice, sha);
        if (!o)
            return `Istio ${choice.release.version} (${choice.origin === 'input' ? 'input' : prose(choice.origin)})`;
        return `Istio ${choice.release.version}, read from ${o.where}${o.how ? ` (${o.how})` : ''}`;
    }
    versionsLine() {
        const r = this.result;
        const parts = [];
        const baseSha = this.links.baseSha ?? this.links.headSha;
        if (r.from && r.from.origin === r.target.origin && this.origin(r.target, this.links.headSha)) {
            // Both read from the same place (a version bump in one file): say it once, link both commits.
            const head = this.origin(r.target, this.links.headSha);
            const base = this.origin(r.from, baseSha);
            const baseLink = /\]\((.*)\)$/.exec(base.where)?.[1];
            parts.push(`Istio ${r.from.release.version}${baseLink ? ` ([base](${baseLink}))` : ''} → ${r.target.release.version}, both read from ${head.where}${head.how ? ` (${head.how})` : ''}`);
        }
        else {
            parts.push(`Target: ${this.release(r.target, this.links.headSha)}`);
            if (r.from)
                parts.push(`from: ${this.release(r.from, baseSha)}`);
            else
                parts.push('from: not known, so only changes up to the target release were checked');
        }
        if (r.kubernetesVersion)
            parts.push(`Kubernetes ${escapeInline(r.kubernetesVersion)}`);
        // Auto detection: the other sources it saw (the chosen one is the target), so a decoy or a stale file shows.
        const others = (r.versionCandidates ?? []).slice(1);
        if (others.length > 0) {
            const listed = others.slice(0, 3).map((d) => {
                const o = this.origin({ release: r.target.release, origin: `${d.file}:${d.line} (${d.how})` }, this.links.headSha);
                return `${codeSpan(truncate(d.version, 40))} at ${o ? `${o.where}${o.how ? ` (${o.how})` : ''}` : codeSpan(truncate(d.file, 200))}`;
            });
            parts.push(`also named: ${listed.join('; ')}${others.length > 3 ? `; and ${others.length - 3} more` : ''}`);
        }
        return parts.join(' · ');
    }
    prLevel(findings) {
        if (findings.length === 0)
            return undefined;
        return findings.map((f) => {
            const source = renderSource(f.source);
            return `- ${ICON[f.severity]} ${this.message(f)} · ${this.ruleLink(f.rule)}${source ? ` · ${source}` : ''}`;
        }).join('\n');
    }
    // ---- the rest -----------------------------------------------------------------------------------------
    suppressed(detail) {
        const suppressed = this.result.findings.filter((f) => f.suppressed);
        if (suppressed.length === 0)
            return undefined;
        const shown = suppressed.slice(0, detail.items);
        const lines = shown.map((f) => `- ${this.location(f)} · ${this.ruleLink(f.rule)} · ${this.message(f)} · suppressed by ${manifestText(`${f.suppressed.by}: ${f.suppressed.reason}`)}`);
        if (shown.length < suppressed.length)
            lines.push(`- _… and ${suppressed.length - shown.length} more_`);
        return this.folded(`${plural(suppressed.length, 'suppressed finding')} (not gating)`, lines.join('\n'));
    }
    notChecked(detail) {
        const list = this.result.notChecked;
        if (list.length === 0)
            return undefined;
        const shown = list.slice(0, detail.items);
        const lines = shown.map((n) => {
            const url = permalink(this.links, n.file);
            const file = codeSpan(truncate(n.file, 200));
            return `- ${url ? `[${file}](${url})` : file}: ${prose(n.reason)}`;
        });
        if (shown.length < list.length)
            lines.push(`- _… and ${list.length - shown.length} more_`);
        const body = lines.join('\n');
        return list.length <= 5 ? `#### ${plural(list.length, 'file')} not checked\n\n${body}` : this.folded(`${plural(list.length, 'file')} not checked`, body);
    }
    fileTargets() {
        const entries = Object.entries(this.result.targetsByFile ?? {}).sort(([a], [b]) => naturalCompare(a, b));
        if (entries.length === 0)
            return undefined;
        const lines = entries.map(([file, t]) => `- ${codeSpan(truncate(file, 200))}: Istio ${t.target.release.version}${t.from ? ` from ${t.from.release.version}` : ''} (${manifestText(t.target.origin)})`);
        return this.folded(`${plural(entries.length, 'file')} checked against other releases (config targets)`, lines.join('\n'));
    }
    resources() {
        const withFinding = new Set(this.result.findings.map((f) => `${f.file}\u0000${f.resource?.kind ?? ''}\u0000${f.resource?.namespace ?? ''}\u0000${f.resource?.name ?? ''}`));
        // A finding without a resource (a parse error, say) marks every document of its file.
        const fileWithFinding = new Set(this.result.findings.filter((f) => !f.resource).map((f) => f.file));
        const mesh = new Set(['istio', 'istio-operator', 'gateway-api', 'inference']);
        const rows = this.result.resources
            .filter((r) => r.status !== 'unchanged')
            .map((change) => ({ change, doc: change.head ?? change.base }))
            .filter(({ doc }) => {
            if (!doc)
                return false;
            const r = doc.resource;
            return (doc.family !== undefined && mesh.has(doc.family)) || fileWithFinding.has(doc.file) || withFinding.has(`${doc.file}\u0000${r?.kind ?? ''}\u0000${r?.namespace ?? ''}\u0000${r?.name ?? ''}`);
        });
        if (rows.length === 0)
            return undefined;
        const count = (status) => rows.filter((r) => r.change.status === status).length;
        const counts = [`${count('added')} added`, `${count('changed')} changed`, `${count('removed')} removed`].filter((c) => !c.startsWith('0 ')).join(', ');
        const title = (doc) => {
            const r = doc.resource;
            return { kind: r?.kind ?? doc.kind, name: r ? [r.namespace, r.name].filter(Boolean).join('/') : `${doc.file}#${doc.index}` };
        };
        let body;
        if (rows.length > RESOURCE_ROWS) {
            const byKind = new Map();
            for (const { change, doc } of rows) {
                const k = title(doc).kind;
                const c = byKind.get(k) ?? {};
                c[change.status] = (c[change.status] ?? 0) + 1;
                byKind.set(k, c);
            }
            body = [...byKind].sort(([a], [b]) => naturalCompare(a, b)).map(([kind, c]) => `- ${escapeInline(kind)}: ${Object.entries(c).map(([s, n]) => `${n} ${s}`).join(', ')}`).join('\n');
        }
        else {
            body = rows
                .map(({ change, doc }) => ({ change, doc: doc, t: title(doc) }))
                .sort((a, b) => naturalCompare(a.t.kind, b.t.kind) || naturalCompare(a.t.name, b.t.name))
                .map(({ change, doc, t }) => {
                const url = change.status === 'removed' ? undefined : permalink(this.links, doc.file, doc.line);
                const where = codeSpan(truncate(`${doc.file}:${doc.line}`, 200));
                return `- ${change.status} ${escapeInline(truncate(t.kind, 80))} ${codeSpan(truncate(t.name, 120))} · ${url ? `[${where}](${url})` : where}`;
            })
                .join('\n');
        }
        return this.folded(`Istio resources in this change: ${counts}`, body);
    }
    render(detail) {
        const active = this.result.findings.filter((f) => !f.suppressed);
        const unchanged = active.filter(isUnchanged);
        const gating = this.gating();
        const fresh = active.filter((f) => !isUnchanged(f));
        const prLevel = fresh.filter(isPrLevel);
        const located = fresh.filter((f) => !isPrLevel(f));
        const blocks = [];
        const head = [this.headline(gating), '', this.countsLine(gating, unchanged.length), '', this.versionsLine()];
        if (this.options.marker)
            head.unshift(SUMMARY_MARKER);
        blocks.push(head.join('\n'));
        if (this.result.versionBump)
            blocks.push('> ℹ️ This PR changes the Istio version, so every manifest in the repository was checked, not only the changed files.');
        const pr = this.prLevel(prLevel);
        if (pr)
            blocks.push(pr);
        for (const note of this.options.notes ?? [])
            blocks.push(`> ${prose(note)}`);
        const sorted = [...located].sort((a, b) => severityRank(b.severity) - severityRank(a.severity) || Number(this.isInline(a)) - Number(this.isInline(b)) || naturalCompare(a.file, b.file) || a.line - b.line);
        for (const block of this.severitySections(sorted, detail))
            blocks.push(block);
        if (unchanged.length) {
            const list = this.list([...unchanged].sort((a, b) => severityRank(b.severity) - severityRank(a.severity) || naturalCompare(a.file, b.file) || a.line - b.line), detail, { context: false });
            const why = this.result.failOnExisting ? 'they fail the check: fail-on-existing is set' : 'not gating';
            blocks.push(this.folded(`${plural(unchanged.length, 'finding')} already there before this PR (${why})`, list));
        }
        const notChecked = this.notChecked(detail);
        if (notChecked)
            blocks.push(notChecked);
        if (detail.extras) {
            for (const block of [this.suppressed(detail), this.fileTargets()])
                if (block)
                    blocks.push(block);
        }
        if (detail.resources) {
            const resources = this.resources();
            if (resources)
                blocks.push(resources);
        }
        const legend = this.options.inline && this.options.inline.size > 0 ? `${INLINE_MARK} = commented inline on the diff. ` : '';
        blocks.push(`<sub>${legend}Each rule links to its docs page.</sub>`);
        return blocks.join('\n\n');
    }
}
function renderSummary(result, options = {}) {
    const maxLength = options.maxLength ?? Number.POSITIVE_INFINITY;
    const measure = options.measure ?? 'chars';
    const renderer = new SummaryRenderer(result, options);
    let body = '';
    for (const detail of DETAIL_LEVELS) {
        body = renderer.render(detail);
        if (size(body, measure) <= maxLength)
            return body;
    }
    // Still too long (thousands of different findings): cut at a line, say so.
    const note = "\n\n_The summary was cut to fit GitHub's size limit; the job summary and the JSON report list every finding._";
    let cut = body.slice(0, Math.max(0, maxLength - note.length - 16));
    while (size(cut, measure) > maxLength - size(note, measure) - 16)
        cut = cut.slice(0, Math.floor(cut.length * 0.9));
    cut = cut.replace(/\n[^\n]*$/, '');
    // Close a <details> left open by the cut, so the note shows.
    const open = (cut.match(/<details>/g) ?? []).length - (cut.match(/<\/details>/g) ?? []).length;
    return `${cut}${'\n\n</details>'.repeat(Math.max(0, open))}${note}`;
}

function renderMarkdown(result) {
    return `${renderSummary(result, { ...(result.changes.headSha ? { headSha: result.changes.headSha } : {}) })}\n`;
}

const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
/**
 * The key under partialFingerprints; bump the version if the fingerprint recipe changes. v2: rule + file + resource
 * + YAML path + message with release numbers normalised (v1 also hashed the target release and the exact message).
 */
const FINGERPRINT_KEY = 'istioCompat/v2';
const LEVEL = { error: 'error', warning: 'warning', notice: 'note' };
/** A repository-relative path as a URI reference: forward slashes, each segment percent-encoded. */
function artifactUri(file) {
    return file.replace(/\\/g, '/').replace(/^(\.\/)+/, '').replace(/^\/+/, '').split('/').map(encodeURIComponent).join('/');
}
function ruleIds(result, rules) {
    return [...new Set([...rules.map((r) => r.id), ...result.findings.map((f) => f.rule)])].sort();
}
function sarifResult(finding, ruleIndex, fingerprint) {
    const startLine = Math.max(1, finding.line);
    const endLine = Math.max(startLine, finding.endLine ?? startLine);
    const text = finding.fix ? `${finding.message} Fix: ${finding.fix.description}` : finding.message;
    return {
        ruleId: finding.rule,
        ruleIndex,
        level: LEVEL[finding.severity],
        message: { text },
        locations: [{ physicalLocation: { artifactLocation: { uri: artifactUri(finding.file), uriBaseId: '%SRCROOT%' }, region: { startLine, endLine } } }],
        partialFingerprints: { [FINGERPRINT_KEY]: fingerprint },
        // Code scanning's own field for "already there before this change" (present when a base was compared).
        ...(finding.baselineState ? { baselineState: finding.baselineState } : {}),
        ...(finding.suppressed ? { suppressions: [{ kind: 'external', status: 'accepted', justification: `${finding.suppressed.by}: ${finding.suppressed.reason}` }] } : {}),
        ...(finding.resource || finding.path ? { properties: { ...(finding.resource ? { resource: finding.resource } : {}), ...(finding.path ? { yamlPath: finding.path } : {}) } } : {})
    };
}
function toSarif(result, options = {}) {
    const metas = new Map((options.rules ?? []).map((r) => [r.id, r]));
    const ids = ruleIds(result, options.rules ?? []);
    const index = new Map(ids.map((id, i) => [id, i]));
    const prints = stableFingerprints(result.findings);
    return {
        $schema: SARIF_SCHEMA,
        version: '2.1.0',
        runs: [
            {
                tool: {
                    driver: {
                        name: 'istio-compat',
                        informationUri: PROJECT_URL,
                        ...(options.toolVersion ? { semanticVersion: options.toolVersion } : {}),
                        rules: ids.map((id) => {
                            const meta = metas.get(id);
                            return {
                                id,
                                name: id,
                                shortDescription: { text: meta?.description ?? id },
                                helpUri: ruleDocsUrl(id),
                                help: { text: `See ${ruleDocsUrl(id)}` },
                                ...(meta ? { defaultConfiguration: { level: LEVEL[meta.defaultSeverity] } } : {})
                            };
                        })
                    }
                },
                originalUriBaseIds: { '%SRCROOT%': { description: { text: 'The root of the repository.' } } },
                columnKind: 'utf16CodeUnits',
                properties: { targetRelease: result.target.release.version, ...(result.from ? { fromRelease: result.from.release.version } : {}) },
                results: result.findings.map((f) => sarifResult(f, index.get(f.rule), prints.get(f)))
            }
        ]
    };
}
function renderSarif(result, options = {}) {
    return `${JSON.stringify(toSarif(result, options), null, 2)}\n`;
}

// The CLI's default format: one line per finding, like a compiler, then a one-line total.
function renderText(result) {
    const lines = [...result.findings].sort(compareFindings).map((f) => {
        const range = f.endLine !== undefined && f.endLine > f.line ? `${f.line}-${f.endLine}` : `${f.line}`;
        const suppressed = f.suppressed ? ` (suppressed: ${f.suppressed.reason})` : f.baselineState === 'unchanged' ? ' (already there before this change)' : '';
        const fix = f.fix ? ` Fix: ${f.fix.description}` : '';
        return escapeTerminal(`${f.file}:${range}: ${f.severity} [${f.rule}] ${f.message}${fix}${suppressed}`);
    });
    for (const n of result.notChecked)
        lines.push(escapeTerminal(`${n.file}: not checked: ${n.reason}`));
    const candidates = result.versionCandidates ?? [];
    if (candidates.length > 0) {
        const seen = candidates.slice(0, 5).map((d) => `${d.version} (${d.how}, ${d.file}:${d.line})`).join('; ');
        lines.push(escapeTerminal(`Istio version sources (auto, chosen first): ${seen}${candidates.length > 5 ? `; and ${candidates.length - 5} more` : ''}`));
    }
    const c = countFindings(result.findings, { includeExisting: result.failOnExisting === true });
    const versions = result.from ? `Istio ${result.from.release.version} -> ${result.target.release.version}` : `Istio ${result.target.release.version}`;
    const suppressed = `${c.suppressed > 0 ? `, ${c.suppressed} suppressed` : ''}${c.existing > 0 ? `, ${c.existing} already there before this change${result.failOnExisting ? ' (counted: --fail-on-existing)' : ' (not counted)'}` : ''}`;
    lines.push(`${versions}: ${c.errors} error(s), ${c.warnings} warning(s), ${c.notices} notice(s)${suppressed} in ${result.documentsChecked} YAML document(s)`);
    return `${lines.join('\n')}\n`;
}

const FORMATS = ['text', 'json', 'sarif', 'markdown'];
/** The report in one format, without a trailing newline (the caller prints it as a line). */
function renderReport(result, format, sarif = {}) {
    const text = format === 'json' ? renderJson(result) : format === 'sarif' ? renderSarif(result, sarif) : format === 'markdown' ? renderMarkdown(result) : renderText(result);
    return text.replace(/\n$/, '');
}

// `istio-compat check`: the engine on a local git diff or on paths, for pre-commit hooks and other CI systems.
const USAGE = `Usage: istio-compat check [paths...] --target V [options]

Checks Istio configuration against a target Istio release.

  -t, --target V       Istio release to check against: 1.28, 1.28.1, 1.31.0-rc.0, latest, auto (default auto)
  -f, --from V         release the mesh runs today; reports every change between it and the target
  -k, --kubernetes V   cluster version, checked against the target's supported range
      --gateway-api-channel C
                       Gateway API CRD channel the cluster runs: experimental (default: every field of either
                       channel is accepted) or standard (fields only the experimental channel has are reported)
  -b, --base REF       compare with this git ref (merge-base...head) instead of checking whole files
      --head REF       git ref of the head state (default: the work tree, or HEAD with --base)
  -C, --repo DIR       repository root (default: .)
      --format F       text, json, sarif or markdown (default text)
      --fail-on L      error, warning, notice or never (default error)
      --fail-on-existing
                       with --base, findings already there before the change fail too (default: only new ones)
  -c, --config FILE    repository config (default .github/istio-compat.yml when present)
      --max-file-size N  skip (with a warning) files above this size, e.g. 8MiB (default 4MiB)
  -h, --help           this help

Paths are files or directories of the repository (relative to --repo, or absolute), or quoted glob patterns
such as 'apps/**/*.yaml'; a file or directory that exists is always taken as it is named, never as a pattern.
Put file names after -- (check --target 1.28 -- "$@"), so none is read as an option. Without --base every
matching file is checked whole.
Exit codes: 0 clean, 1 findings at or above --fail-on, 2 usage or input error.`;
const OPTIONS = {
    target: { type: 'string', short: 't', default: 'auto' },
    from: { type: 'string', short: 'f' },
    kubernetes: { type: 'string', short: 'k' },
    'gateway-api-channel': { type: 'string' },
    base: { type: 'string', short: 'b' },
    head: { type: 'string' },
    repo: { type: 'string', short: 'C', default: '.' },
    format: { type: 'string', default: 'text' },
    'fail-on': { type: 'string', default: 'error' },
    'fail-on-existing': { type: 'boolean', default: false },
    config: { type: 'string', short: 'c' },
    'max-file-size': { type: 'string' },
    help: { type: 'boolean', short: 'h' }
};
async function main(argv, out = (s) => process.stdout.write(s + '\n'), err = (s) => process.stderr.write(s + '\n')) {
    try {
        const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: OPTIONS });
        if (values.help) {
            out(USAGE);
            return 0;
        }
        const [command, ...paths] = positionals;
        if (command !== 'check')
            throw new UsageError(command ? `unknown command "${command}"${closest(command, ['check'], 2) ? '; did you mean "check"?' : ''}\n\n${USAGE}` : USAGE);
        const format = parseChoice('--format', values.format, FORMATS);
        const failOn = parseChoice('--fail-on', values['fail-on'], ['error', 'warning', 'notice', 'never']);
        const target = parseVersionInput('--target', values.target);
        const from = values.from === undefined ? undefined : parseVersionInput('--from', values.from);
        if (from === 'auto' && !values.base)
            throw new UsageError('--from auto reads the release from the base commit, so it needs --base REF; without --base give the release, e.g. --from 1.26');
        checkFromNotNewer('--from', from, '--target', target);
        const repo = resolve$1(values.repo);
        if (!isDirectory(repo))
            throw new UsageError(`--repo ${values.repo} is not a directory`);
        const config = loadRepoConfig(repo, values.config ?? DEFAULT_CONFIG_PATH, { explicit: values.config !== undefined, allowOutside: values.config !== undefined });
        const { sources, patterns } = await buildSources(repo, values.base, values.head, paths);
        const result = await runAnalysis(sources, {
            target,
            ...(from ? { from } : {}),
            ...(values.kubernetes ? { kubernetesVersion: values.kubernetes } : {}),
            ...(values['gateway-api-channel'] ? { gatewayApiChannel: values['gateway-api-channel'] } : {}),
            ...(values['max-file-size'] ? { maxFileBytes: parseSize(values['max-file-size'], '--max-file-size') } : {}),
            paths: patterns,
            config,
            ...(values['fail-on-existing'] ? { failOnExisting: true } : {})
        });
        out(renderReport(result, format, { rules: allRules() }));
        return gate(result.findings, failOn, { failOnExisting: values['fail-on-existing'] === true }).exitCode;
    }
    catch (error) {
        if (error instanceof UsageError || isParseArgsError(error)) {
            err(`istio-compat: ${isParseArgsError(error) ? optionMessage(error.message) : error.message}`);
            return 2;
        }
        throw error;
    }
}
/** node:util parseArgs rejects unknown options and missing values with ERR_PARSE_ARGS_* errors: usage errors too (by code: the error may come from another realm). */
function isParseArgsError(error) {
    const code = typeof error === 'object' && error !== null ? error.code : undefined;
    return typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS_');
}
/** An unknown option: "did you mean --target?" when it is a typo, else how to pass a file name that starts with "-". */
function optionMessage(message) {
    const m = /^Unknown option '(-{1,2})([^']*)'/.exec(message);
    if (!m)
        return message;
    const near = m[1] === '--' ? closest(m[2], Object.keys(OPTIONS), 2) : undefined;
    if (near)
        return `Unknown option '${m[1]}${m[2]}'; did you mean --${near}?`;
    return `Unknown option '${m[1]}${m[2]}'; if it is a file name, put file names after --, e.g. istio-compat check --target 1.28 -- ${m[1]}${m[2]}`;
}
function isDirectory(path) {
    try {
        return statSync(path).isDirectory();
    }
    catch {
        return false;
    }
}
/** A path as a minimatch pattern that matches exactly it: every glob character escaped, braces and commas too. */
function literal(path) {
    return escape(path).replace(/[{},]/g, (c) => `\\${c}`);
}
const YAML_BELOW = '/**/*.{yaml,yml}';
const GLOB = /[*?[\]{}]/;
/**
 * The patterns of the paths named on the command line. A path that exists (in the work tree, or in the head commit)
 * is taken literally — `[x].yaml`, `{a,b}.yaml` and `!x.yaml` are file names — and a directory means the YAML
 * below it; `.`, `./` and absolute paths inside the repository work. A path that exists nowhere is a usage error,
 * unless it is a glob pattern (quoted, so the shell left it alone).
 */
async function pathPatterns(repo, cwd, args, snapshot) {
    if (args.length === 0)
        return DEFAULT_PATTERNS;
    const realRepo = realpathSync(repo);
    const realCwd = realpathSync(cwd);
    let listed;
    const patterns = [];
    for (const arg of args) {
        if (arg === '')
            throw new UsageError('an empty path was given');
        const candidates = isAbsolute(arg) ? [arg] : [resolve$1(cwd, arg), resolve$1(realCwd, arg)];
        const rel = candidates.map((c) => insideRoot(repo, c) ?? insideRoot(realRepo, c)).find((r) => r !== undefined);
        if (rel === undefined)
            throw new UsageError(`${arg} is outside the repository ${repo} (set --repo to check another repository)`);
        if (rel === '') {
            patterns.push(...DEFAULT_PATTERNS);
            continue;
        }
        let stats;
        try {
            stats = lstatSync(resolve$1(realRepo, rel));
        }
        catch {
            stats = undefined;
        }
        if (stats?.isSymbolicLink())
            throw new UsageError(`${arg} is a symbolic link; istio-compat checks only regular files of the repository`);
        if (stats?.isDirectory()) {
            patterns.push(literal(rel) + YAML_BELOW);
            continue;
        }
        if (stats?.isFile()) {
            patterns.push(literal(rel));
            continue;
        }
        listed ??= await snapshot.list();
        if (listed.includes(rel))
            patterns.push(literal(rel));
        else if (listed.some((f) => f.startsWith(`${rel}/`)))
            patterns.push(literal(rel) + YAML_BELOW);
        else if (GLOB.test(rel) && !rel.startsWith('!'))
            patterns.push(rel);
        else
            throw new UsageError(`${arg} does not exist${stats ? ' as a file or directory' : ''} in ${repo}`);
    }
    return patterns;
}
async function buildSources(repo, base, head, paths) {
    if (base) {
        if (!isGitRepository(repo))
            throw new UsageError(`--base needs a git repository; ${repo} is not one`);
        const sources = gitSources(repo, base, head ?? 'HEAD');
        // git names files from the top of the work tree, which --repo may be below.
        return { sources, patterns: await pathPatterns(gitTopLevel(repo) ?? repo, repo, paths, sources.head) };
    }
    let snapshot = workTreeSnapshot(repo);
    if (head) {
        const sha = resolveCommit(repo, head);
        if (!sha)
            throw new UsageError(`--head ${head} is not a commit in ${repo}`);
        snapshot = gitSnapshot(repo, sha);
    }
    // Without a base every matching file counts as added: the whole file is checked.
    const patterns = await pathPatterns(head ? (gitTopLevel(repo) ?? repo) : repo, repo, paths, snapshot);
    const sources = await wholeFileSources(snapshot, pathMatcher(patterns));
    if (sources.changes.files.length === 0)
        throw new UsageError(`no file matches ${paths.length ? paths.join(', ') : DEFAULT_PATTERNS.join(', ')} in ${repo}`);
    return { sources, patterns };
}

// Entry of the `istio-compat` command; the logic lives in cli/main.ts.
process.exitCode = await main(process.argv.slice(2));
