#!/usr/bin/env node
// Second opinion on the differential cases the oracle flags with "caveats"
// (constructs where iam-simulate is known to differ from AWS's documented
// behaviour). For the two caveats that occur in the generated data it derives
// the answer the AWS documentation gives, by re-running the oracle on a
// variant of the case that removes exactly the oracle's mistake:
//
//  notprincipal-partial-listing  AWS: a Deny with NotPrincipal exempts the caller
//      only if its account AND its principal (user, or role + session) are listed.
//      Variant: every Deny+NotPrincipal statement that lists the caller only
//      partially gets a NotPrincipal that lists none of the caller's identities.
//  session-policy-vs-rp-naming-session  AWS: a same-account resource-based policy
//      that names the session ARN is not limited by implicit denies of the session
//      policy or the permissions boundary. Only an oracle "ImplicitlyDenied" can
//      change: the variant keeps the resource policy's Deny statements and the
//      Allow statements naming the session ARN, drops identity, boundary and
//      session policies (none of them denied explicitly, or the oracle would have
//      said ExplicitlyDenied), and keeps SCPs/RCPs. Allowed there => Allowed.
//
//  no-value-variable (ours; the oracle does not flag it)  AWS ("Policy variables
//      with no value"): a variable whose key is absent is effectively null — there is
//      no equal or like value. StringEquals/StringLike with it do not match (the
//      statement does not take effect), inverted operators (StringNotEquals,
//      StringNotLike, ...) DO match, and a Resource or NotResource entry containing it
//      matches no resource (so a NotResource statement applies to every resource).
//      iam-simulate voids such statements whole. Variant: every variable without a
//      default whose key is absent from the context is replaced by a marker string that
//      equals and is like nothing, which gives exactly those semantics. Checked on every
//      case, flagged or not; listed when the answer changes.
//
// Usage (from the oracle's folder, or with IAM_ORACLE_DIR pointing at it):
//   node caveat-review.mjs seed-1.jsonl ... > caveat-review.jsonl
// Output, one line per flagged case and per case whose no-value-variable variant
// changes the answer: {"id","caveats","oracle","aws","changed"}.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const dir = process.env.IAM_ORACLE_DIR ?? process.cwd();
const { evaluateCase } = await import(pathToFileURL(path.join(dir, 'oracle.mjs')).href);

const stmts = (d) => (d && d.Statement ? [d.Statement].flat() : []);
const aws = (el) => (el === '*' ? ['*'] : el && el.AWS !== undefined ? [el.AWS].flat() : []);
const acctOf = (arn) => (arn.match(/^arn:[^:]+:(?:iam|sts)::(\d{12}):/) ?? [])[1];

function identityGroups(p) {
  const acct = acctOf(p);
  const groups = [(x) => x === acct || x === `arn:aws:iam::${acct}:root`];
  const s = p.match(/^arn:([^:]+):sts::(\d+):assumed-role\/([^/]+)\//);
  if (s) {
    const roleRe = new RegExp(`^arn:${s[1]}:iam::${s[2]}:role/(.*/)?${s[3]}$`, 'i');
    groups.push((x) => roleRe.test(x) || x === p);
  } else groups.push((x) => x === p);
  return groups;
}

function notPrincipalVariant(c) {
  const v = structuredClone(c);
  const groups = identityGroups(c.request.principal);
  for (const st of stmts(v.resourcePolicy)) {
    if (st.Effect !== 'Deny' || st.NotPrincipal === undefined) continue;
    const hits = groups.map((g) => aws(st.NotPrincipal).some(g));
    if (hits.some(Boolean) && !hits.every(Boolean)) st.NotPrincipal = { AWS: 'arn:aws:iam::000000000000:user/not-the-caller' };
  }
  return v;
}

function sessionVariant(c) {
  const p = c.request.principal;
  const v = structuredClone(c);
  delete v.identityPolicies;
  delete v.permissionBoundaries;
  delete v.sessionPolicies;
  const kept = stmts(c.resourcePolicy).filter((st) => st.Effect === 'Deny' || aws(st.Principal).includes(p));
  v.resourcePolicy = { ...c.resourcePolicy, Statement: kept };
  return v;
}

const NO_VALUE = 'no-value-a9f3c17e';
const SPECIAL = new Set(['*', '?', '$']);
function absentVariables(c) {
  const ctx = Object.keys(c.request.context ?? {}).map((k) => k.toLowerCase());
  return (text) => text.replace(/\$\{([^}]*)\}/g, (m, inner) => {
    if (SPECIAL.has(inner) || inner.includes(',')) return m; // special characters; defaults resolve
    return ctx.includes(inner.trim().toLowerCase()) ? m : NO_VALUE;
  });
}
function noValueVariant(c) {
  const sub = absentVariables(c);
  let changed = false;
  const walk = (v) => {
    if (typeof v === 'string') { const r = sub(v); if (r !== v) changed = true; return r; }
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]));
    return v;
  };
  const v = structuredClone(c);
  const fix = (doc) => {
    if ((doc?.Version ?? '2008-10-17') !== '2012-10-17') return doc; // variables are literal text there
    return { ...doc, Statement: [doc.Statement].flat().map((st) => ({
      ...st,
      ...(st.Resource !== undefined ? { Resource: walk(st.Resource) } : {}),
      ...(st.NotResource !== undefined ? { NotResource: walk(st.NotResource) } : {}),
      ...(st.Condition !== undefined ? { Condition: walk(st.Condition) } : {})
    })) };
  };
  for (const k of ['identityPolicies', 'permissionBoundaries', 'sessionPolicies', 'vpcEndpointPolicies']) if (v[k]) v[k] = v[k].map(fix);
  if (v.resourcePolicy) v.resourcePolicy = fix(v.resourcePolicy);
  for (const k of ['scps', 'rcps']) if (v[k]) v[k] = v[k].map((l) => (Array.isArray(l) ? l.map(fix) : fix(l)));
  return changed ? v : null;
}

const files = process.argv.slice(2);
for (const f of files) {
  for (const line of fs.readFileSync(f, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const c = JSON.parse(line);
    const caveats = [...(c.expected?.caveats ?? [])];
    const oracle = c.expected?.decision;
    if (!oracle) continue;
    let answer = oracle;
    const nv = noValueVariant(c);
    const base = nv ?? c;
    if (nv) {
      const d = (await evaluateCase(nv)).decision;
      if (d && d !== oracle) { answer = d; caveats.push('no-value-variable'); }
    }
    if (!caveats.length) continue;
    if (caveats.includes('notprincipal-partial-listing')) {
      answer = (await evaluateCase(notPrincipalVariant(base))).decision ?? answer;
    }
    if (caveats.includes('session-policy-vs-rp-naming-session') && answer === 'ImplicitlyDenied' && acctOf(c.request.principal) === (c.request.resourceAccount ?? c.request.resource.split(':')[4])) {
      const d = (await evaluateCase(sessionVariant(base))).decision;
      if (d === 'Allowed') answer = 'Allowed';
    }
    process.stdout.write(JSON.stringify({ id: c.id, caveats, oracle, aws: answer, changed: answer !== oracle }) + '\n');
  }
}
