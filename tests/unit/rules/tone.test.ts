import { describe, expect, it } from 'vitest';
import type { ToneCheck, ToneRule } from '@/src/core/pack/schema';
import { compileToneRule } from '@/src/core/rules/tone';
import { applyEdits, base, compileWith, context, matches, run } from './helpers';

function tone(checks: ToneCheck[], fields: Partial<ToneRule> = {}, ctx = context) {
  return compileWith(compileToneRule, { ...base, kind: 'tone', checks, ...fields }, ctx);
}

describe('tone: profanity', () => {
  const rule = tone(['profanity']);

  it.each([
    ['What the fuck', 'fuck'],
    ['This is bullshit.', 'bullshit'],
    ['A shitty day', 'shitty'],
    ['SHIT happens', 'SHIT'],
    ['Total #shit', '#shit'],
    ['For fuck’s sake', 'fuck'],
    ['What the f*ck', 'f*ck'],
    ['This is sh!t!', 'sh!t'],
    ['Kiss my a$$', 'a$$'],
    ['f**king great', 'f**king'],
    ['Such a b1tch', 'b1tch'],
  ])('flags %j', (text, word) => {
    expect(matches(rule, text)).toEqual([word]);
  });

  it.each([
    'Scunthorpe United won',
    'A classy assessment',
    'Cocktail hour with Dickens and a therapist',
    'Bass, passion, grass, scrap, peacock, Essex, Matsushita, Cockburn',
    'Say h3ll0 to our b2b team for $100, *great* news!!!',
    'Mail sh1t@acme.example or visit c0ck.example',
    'Welcome @sh1t to the team',
    'Leet speak: 1337, r2d2, 4x4',
  ])('leaves %j alone', (text) => {
    expect(matches(rule, text)).toEqual([]);
  });

  it('suggests removing the word and one space', () => {
    const text = 'This is fucking great';
    const [finding] = run(rule, text);
    expect(finding?.suggestions[0]?.label).toBe('Remove');
    expect(applyEdits(text, finding?.suggestions[0]?.edits ?? [])).toBe('This is great');
  });

  it('applies the pack’s add and remove, removing every form of a removed word', () => {
    const adjusted = tone(['profanity'], {
      add: { profanity: ['heck'] },
      remove: { profanity: ['crap'] },
    });
    expect(matches(adjusted, 'What the heck, hecks, crap and crappy')).toEqual(['heck', 'hecks']);
    expect(matches(rule, 'What the heck, crap')).toEqual(['crap']);
  });
});

describe('tone: profanity from the cuss list, with forms and disguises', () => {
  const rule = tone(['profanity']);

  it.each([
    ['She bitched and he wanked on', ['bitched', 'wanked']],
    ['What a dumbshit, a cockhead', ['dumbshit', 'cockhead']],
    ['fvck, @sshole, b!+ch, sh!+', ['fvck', '@sshole', 'b!+ch', 'sh!+']],
    ['fuuuuck and f u c k and ƒuck', ['fuuuuck', 'f u c k', 'ƒuck']],
    ['Absofuckinglutely', ['Absofuckinglutely']],
  ])('flags %j', (text, words) => {
    expect(matches(rule, text)).toEqual(words);
  });

  it.each([
    'Dick Van Dyke and Dick Cheney read Moby Dick',
    'Matsushita, shiitake, a cockpit, summa cum laude, kung fu',
    'The welfare state and a tinker',
  ])('reads %j as clean', (text) => {
    expect(matches(rule, text)).toEqual([]);
  });

  it('still flags a name word that is not next to a capitalised word', () => {
    expect(matches(rule, 'Such a dick move')).toEqual(['dick']);
  });

  it('reports mild and strong words at the severities the rule sets', () => {
    const rated = tone(['profanity'], { severities: { mild: 'info', strong: 'error' } });
    expect(run(rated, 'damn, this is shit').map((f) => [f.match, f.severity])).toEqual([
      ['damn', 'info'],
      ['shit', 'error'],
    ]);
    expect(run(rule, 'damn').map((f) => f.severity)).toEqual(['warning']);
  });

  it('leaves slurs to the slurs check', () => {
    expect(matches(rule, 'you faggot')).toEqual([]);
  });
});

describe('tone: slurs', () => {
  const rule = tone(['slurs']);

  it('flags slurs, their plurals and disguises', () => {
    expect(matches(rule, 'faggots, n1gger, the spics')).toEqual(['faggots', 'n1gger', 'spics']);
  });

  it('leaves innocent words and phrases alone', () => {
    expect(
      matches(rule, 'Montenegro, spick and span, a chink in the armour, niggling, the dike held'),
    ).toEqual([]);
  });

  it('applies the pack’s add and remove', () => {
    const adjusted = tone(['slurs'], { add: { slurs: ['zorp'] }, remove: { slurs: ['spic'] } });
    expect(matches(adjusted, 'zorps and spics')).toEqual(['zorps']);
  });
});

describe('tone: insult', () => {
  const rule = tone(['insult']);

  it.each([
    ['Thanks, you idiot.', 'you idiot'],
    ['You stupid idiot!', 'You stupid idiot'],
    ['lol what a moron', 'what a moron'],
    ['What an absolute clown.', 'What an absolute clown'],
    ['@bob is a clown', '@bob is a clown'],
    ["Honestly they're all incompetent", "they're all incompetent"],
    ["He's such an idiot", "He's such an idiot"],
    ['u r an idiot', 'u r an idiot'],
    ['Those idiots at HQ did it again', 'Those idiots'],
    ["You're a joke", "You're a joke"],
    ['My boss is useless.', 'boss is useless'],
    ['You look like a fool', 'You look like a fool'],
    ['@ann @bob are clowns', '@bob are clowns'],
    ['Whoever designed this never used it. Morons.', 'Morons'],
    ['Total clowns!', 'Total clowns'],
    ["You idiot, I'm your boss.", 'You idiot'],
  ])('flags %j', (text, insult) => {
    expect(matches(rule, text)).toEqual([insult]);
  });

  it.each([
    'An idiot-proof design',
    'I felt like an idiot',
    'What a joke this weather is',
    'What a stupid idea',
    "You're not an idiot",
    'You are no fool',
    'He is not incompetent',
    'Tickets for the clown show',
    'The circus clowns were great',
    'We removed a useless feature',
    'Are you still using that dumb terminal?',
    'Is it stupid? Maybe.',
    'Joke. Failure. Hack.',
    'We hired clowns, jugglers and a magician',
    'What an idiot I am, I left my badge at home',
    "Such a fool I've been",
    "What an idiot, I'm late again",
    'Morons    and more',
  ])('leaves %j alone', (text) => {
    expect(matches(rule, text)).toEqual([]);
  });

  it('applies the pack’s add and remove', () => {
    const adjusted = tone(['insult'], {
      add: { insult: ['wally'] },
      remove: { insult: ['clown'] },
    });
    expect(matches(adjusted, 'You wally. @bob is a clown. What a bunch of wallies')).toEqual([
      'You wally',
      'What a bunch of wallies',
    ]);
  });

  it('suggests removing the insult', () => {
    const text = 'Thanks you idiot.';
    const [finding] = run(rule, text);
    expect(applyEdits(text, finding?.suggestions[0]?.edits ?? [])).toBe('Thanks.');
  });
});

describe('tone: shouting', () => {
  const rule = tone(['shouting']);

  it.each([
    ['WE ARE HIRING', 'WE ARE HIRING'],
    ['This is AMAZING NEWS FOR EVERYONE today', 'AMAZING NEWS FOR EVERYONE'],
    ['HAPPY BIRTHDAY!', 'HAPPY BIRTHDAY'],
    ['THIS IS HUGE! WE WON!', 'THIS IS HUGE! WE WON'],
    ['Thanks NASA. HAPPY LAUNCH DAY', 'HAPPY LAUNCH DAY'],
    ['I LOVE THIS TEAM', 'I LOVE THIS TEAM'],
    ['STOP IT NOW', 'STOP IT NOW'],
  ])('flags %j', (text, run) => {
    expect(matches(rule, text)).toEqual([run]);
  });

  it.each([
    'NASA',
    'NASA and ESA',
    'ACME CEO on stage',
    'Made in the USA',
    'NATO summit',
    'The USA UK EU summit',
    'BIG NEWS',
    'Q4 OKR review',
    '#WEAREHIRING #BIG #NEWS #TODAY',
    'Thanks to the CEO, CFO, CTO, COO and VP',
    'ACME CORP is here',
    'I am A fan',
    'The key:\n-----BEGIN RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEA0Z3V\n-----END RSA PRIVATE KEY-----',
    'Set MAX_RETRY_COUNT_LIMIT=3',
    'Left a <TODO FIX THIS NOW> in the code',
    // Acronyms nobody listed: short, upper case, not English words.
    'Certified in HTTP JSON SDK design',
    'Proud of our GCP HPE SAP work',
  ])('leaves %j alone', (text) => {
    expect(matches(rule, text)).toEqual([]);
  });

  it('offers the run in sentence case, keeping acronyms and the org’s name', () => {
    const text = 'Hey! WE ARE HIRING IN NYC AT ACME';
    const [finding] = run(rule, text);
    expect(finding?.suggestions[0]).toEqual({
      label: 'Change to "We are hiring in NYC at ACME"',
      action: { verb: 'change', text: 'We are hiring in NYC at ACME' },
      edits: [{ start: 5, end: 33, text: 'We are hiring in NYC at ACME' }],
    });
  });
});

describe('tone: absolutes', () => {
  const rule = tone(['absolutes']);

  it.each([
    ['Guaranteed results!', 'Guaranteed'],
    ['We guarantee 99.9% uptime', 'guarantee'],
    ['Start your risk-free trial', 'risk-free'],
    ['It is 100% safe', '100% safe'],
    ['This never fails', 'never fails'],
    ['Zero risk, all reward', 'Zero risk'],
    ['It always works', 'always works'],
    ['You will definitely love it', 'will definitely'],
    ['There is no risk', 'no risk'],
    ['Our money-back guarantee', 'money-back guarantee'],
    ['No fees, guaranteed.', 'guaranteed'],
    ["Don't miss our guaranteed returns", 'guaranteed'],
    ['No hidden fees and returns are guaranteed', 'guaranteed'],
    ['Nothing beats our guaranteed returns', 'guaranteed'],
  ])('flags the promise in %j', (text, promise) => {
    expect(matches(rule, text)).toEqual([promise]);
  });

  it.each([
    'There is no guarantee',
    "There's no guarantee of returns",
    'Returns are not guaranteed',
    'Investing is not risk-free',
    'We guarantee nothing',
    "I can't guarantee it",
    'No one can guarantee that',
    'Nothing is guaranteed',
    "Success isn't guaranteed",
    'This cannot be guaranteed',
    'It is not 100% safe',
    'There is no risk-free plan',
    'Sold without a guarantee',
    'Nothing in logistics is guaranteed, least of all the weather',
    'No plan survives contact and no outcome is ever guaranteed',
  ])('does not flag the negated %j', (text) => {
    expect(matches(rule, text)).toEqual([]);
  });

  it('offers a softer wording where one reads naturally, in the original’s case', () => {
    const [riskFree] = run(rule, 'Risk-free trial');
    expect(riskFree?.suggestions).toEqual([
      {
        label: 'Replace with "Low-risk"',
        action: { verb: 'replace', text: 'Low-risk' },
        edits: [{ start: 0, end: 9, text: 'Low-risk' }],
      },
    ]);
    const text = 'It is guaranteed to work';
    const [guaranteed] = run(rule, text);
    expect(guaranteed?.match).toBe('guaranteed to');
    expect(applyEdits(text, guaranteed?.suggestions[0]?.edits ?? [])).toBe(
      'It is designed to work',
    );
  });

  it('applies the pack’s add and remove', () => {
    const adjusted = tone(['absolutes'], {
      add: { absolutes: ['best in class'] },
      remove: { absolutes: ['guarantee'] },
    });
    expect(matches(adjusted, 'Best in class, we guarantee it, guaranteed')).toEqual([
      'Best in class',
      'guaranteed',
    ]);
  });
});

describe('tone: official-voice', () => {
  const rule = tone(['official-voice']);

  it.each([
    ['On behalf of ACME, welcome!', 'On behalf of ACME'],
    ["ACME's official position is clear", "ACME's official position"],
    ['I am speaking for ACME Corp here', 'speaking for ACME Corp'],
    ['#ACME officially launches today', '#ACME officially'],
    ["As ACME's spokesperson, I can say", "As ACME's spokesperson"],
    ['Our official position is simple', 'Our official position'],
    ['On behalf of @acme: thanks', 'On behalf of @acme'],
    ['Speaking on behalf of the company, we are sorry', 'Speaking on behalf of the company'],
  ])('flags %j', (text, phrase) => {
    expect(matches(rule, text)).toEqual([phrase]);
  });

  it.each([
    "I'm not speaking on behalf of ACME",
    'On behalf of my team, thanks',
    'I speak on behalf of myself here',
    'Speaking on behalf of my kids: thank you, teachers',
    'The official position of the league',
    'On behalf of ACME, welcome! Views are my own.',
    'On behalf of ACME, welcome! Opinions my own.',
  ])('leaves %j alone', (text) => {
    expect(matches(rule, text)).toEqual([]);
  });

  it('suggests adding "Views are my own." at the end, with the spacing it needs', () => {
    const text = 'On behalf of ACME, welcome!\n';
    const [finding] = run(rule, text);
    expect(finding?.suggestions).toEqual([
      {
        label: 'Add " Views are my own."',
        action: { verb: 'add', text: ' Views are my own.' },
        edits: [{ start: 27, end: 27, text: ' Views are my own.' }],
      },
    ]);
    const fixed = applyEdits(text, finding?.suggestions[0]?.edits ?? []);
    expect(fixed).toBe('On behalf of ACME, welcome! Views are my own.\n');
    expect(run(rule, fixed)).toEqual([]);

    const [bare] = run(rule, 'On behalf of ACME');
    expect(bare?.suggestions[0]?.label).toBe('Add ". Views are my own."');
  });

  it('works without an org, with the phrases that do not name it', () => {
    const orgless = tone(['official-voice'], {}, { ...context, org: undefined });
    expect(matches(orgless, 'On behalf of ACME. Our official position is this.')).toEqual([
      'Our official position',
    ]);
  });

  it('applies the pack’s add and remove, with {org} in added phrases', () => {
    const adjusted = tone(['official-voice'], {
      add: { 'official-voice': ['as the voice of {org}'] },
      remove: { 'official-voice': ['our official position'] },
    });
    expect(matches(adjusted, 'Our official position, as the voice of ACME Corp.')).toEqual([
      'as the voice of ACME Corp',
    ]);
  });
});

describe('tone: one rule, several checks', () => {
  it('reports every check it lists, with the rule’s fields, and only those', () => {
    const rule = tone(['profanity', 'shouting']);
    const text = '🎉👩🏽‍💻 WE ARE SO BACK, damn shit. Guaranteed, you idiot.';
    const found = run(rule, text);
    expect(found.map((f) => f.match).sort()).toEqual(['WE ARE SO BACK', 'damn', 'shit']);
    for (const f of found) {
      expect(f).toMatchObject({
        ruleId: 'r',
        packId: 'acme-social',
        kind: 'tone',
        severity: 'warning',
        message: 'Found {match}.',
      });
    }
  });

  it('keeps UTF-16 offsets after emoji for every check', () => {
    const rule = tone(['profanity', 'insult', 'shouting', 'absolutes', 'official-voice']);
    const text = '👩🏽‍💻🎉 sh!t 🚀 you idiot 🎉 WE ARE HIRING 🎉 risk-free 🎉 on behalf of ACME';
    expect(matches(rule, text).sort()).toEqual([
      'WE ARE HIRING',
      'on behalf of ACME',
      'risk-free',
      'sh!t',
      'you idiot',
    ]);
  });
});
