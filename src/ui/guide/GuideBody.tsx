import { Fragment, useMemo } from 'react';
import { parseGuideBody, type GuideInline } from '@/src/core';

/** A section's body as React elements: text nodes and links, never a pack's markup. */
export function GuideBody({ body }: { body: string }) {
  const blocks = useMemo(() => parseGuideBody(body), [body]);
  return (
    <>
      {blocks.map((block, index) => {
        if (block.kind === 'paragraph')
          return (
            <p key={index}>
              <Inlines inlines={block.inlines} />
            </p>
          );
        const items = block.items.map((item, itemIndex) => (
          <li key={itemIndex}>
            <Inlines inlines={item} />
          </li>
        ));
        return block.ordered ? <ol key={index}>{items}</ol> : <ul key={index}>{items}</ul>;
      })}
    </>
  );
}

function Inlines({ inlines }: { inlines: readonly GuideInline[] }) {
  return (
    <>
      {inlines.map((inline, index) => {
        if (inline.kind === 'text') return <Fragment key={index}>{inline.text}</Fragment>;
        // The body parser lets through only http(s) links and links to a section of this page.
        return inline.href.startsWith('#') ? (
          <a key={index} href={inline.href}>
            {inline.text}
          </a>
        ) : (
          <a key={index} href={inline.href} target="_blank" rel="noopener noreferrer">
            {inline.text}
          </a>
        );
      })}
    </>
  );
}
