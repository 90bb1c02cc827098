import { compileEntitiesRule } from '../src/core/rules/entities';
import { analyseText } from '../src/core/text/analysis';
const pack = {
  format: 'postguard/pack@1',
  id: 'p',
  name: 'p',
  version: '1.0.0',
  rules: [],
  content: [],
} as any;
const r = compileEntitiesRule(
  {
    id: 'e',
    kind: 'entities',
    severity: 'warning',
    message: 'm',
    entities: ['email', 'phone', 'money', 'url', 'percent', 'person'],
  },
  { pack, org: undefined },
);
const texts = [
  'Call +44 20 7946 0958 or +1 (415) 555-0100, or 415-555-0100, (415) 555 0100, 415.555.0100.',
  'Released v1.2.3 on 2024-01-15 (12/05/2024) in 2024 for $1,200 and 10.0.0.1',
  'We raised $4.2M, €300k, USD 1,200, £15 million and 1.5bn dollars. Revenue up 12% or 12 percent or 12.5 per cent.',
  'See https://acme.example/x?a=1. Or (www.acme.example/path), acme.example/path, x.com! finished.It was. Node.js and e.g. mail press@acme.example.',
  "😀 John Smith met Sarah O'Connor at https://en.wikipedia.org/wiki/Foo_(bar)).",
  'I lost 15 pounds and 15 million people came. 5k run. Team 5 won.',
];
for (const t of texts) {
  console.log(t);
  for (const f of r.check(analyseText(t), { network: 'x', now: new Date() }))
    console.log('   ', JSON.stringify(f.match), f.start, f.end);
}
