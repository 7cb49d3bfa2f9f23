import { Node } from '@tiptap/react';

declare module '@tiptap/react' {
  interface Commands<ReturnType> {
    figure: {
      /** Inserts an image with its alt text and an editable caption. */
      insertFigure: (attrs: { src: string; alt: string; caption?: string }) => ReturnType;
    };
  }
}

/**
 * An image with a caption, stored as <figure><img><figcaption>…</figcaption></figure>: the
 * caption is the node's editable content, the image's src and alt are attributes.
 */
export const Figure = Node.create({
  name: 'figure',
  group: 'block',
  content: 'inline*',
  marks: 'bold italic',
  draggable: true,
  isolating: true,
  addAttributes() {
    return {
      src: { default: null, parseHTML: (el) => el.querySelector('img')?.getAttribute('src') ?? null, renderHTML: () => ({}) },
      alt: { default: '', parseHTML: (el) => el.querySelector('img')?.getAttribute('alt') ?? '', renderHTML: () => ({}) },
    };
  },
  parseHTML() {
    return [{ tag: 'figure', contentElement: 'figcaption' }];
  },
  renderHTML({ node }) {
    return ['figure', ['img', { src: node.attrs.src as string, alt: node.attrs.alt as string }], ['figcaption', 0]];
  },
  addCommands() {
    return {
      insertFigure:
        ({ src, alt, caption }) =>
        ({ commands }) =>
          commands.insertContent({
            type: this.name,
            attrs: { src, alt },
            content: caption ? [{ type: 'text', text: caption }] : [],
          }),
    };
  },
});
