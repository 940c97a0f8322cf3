// The article's text as paragraphs: every block element (p, h2, li, blockquote...) ends one, so
// the body keeps the page's paragraph breaks and evidence offsets point into text an analyst sees.

/** The structural slice of a DOM node this walk needs; linkedom's nodes have it. */
export interface TextNodeLike {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<TextNodeLike>;
}

const BLOCKS = new Set([
  'ADDRESS', 'ARTICLE', 'BLOCKQUOTE', 'DD', 'DIV', 'DL', 'DT', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HR', 'LI', 'MAIN',
  'OL', 'P', 'PRE', 'SECTION', 'TABLE', 'TD', 'TH', 'TR', 'UL', 'BR',
]);
const TEXT_NODE = 3;
const ELEMENT_NODE = 1;

const fold = (text: string): string => text.replace(/\s+/g, ' ').trim();

/**
 * Walks the tree once with an explicit stack (a page nested 100 000 deep must not overflow the
 * call stack), gathering inline text until a block boundary closes the paragraph.
 */
export const paragraphsOf = (root: TextNodeLike): string[] => {
  const paragraphs: string[] = [];
  let current = '';
  const close = () => {
    const p = fold(current);
    if (p) paragraphs.push(p);
    current = '';
  };
  // Entries are nodes to visit, or `null` marking the end of a block element.
  const stack: Array<TextNodeLike | null> = [root];
  while (stack.length) {
    const node = stack.pop()!;
    if (node === null) { close(); continue; }
    if (node.nodeType === TEXT_NODE) { current += node.textContent ?? ''; continue; }
    if (node.nodeType !== ELEMENT_NODE && node !== root) continue;
    const block = BLOCKS.has(node.nodeName.toUpperCase());
    if (block) { close(); stack.push(null); }
    else current += ' ';
    const children = node.childNodes;
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
  }
  close();
  return paragraphs;
};
