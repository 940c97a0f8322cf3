// Maps the reader's text selection in the article body back to offsets into the body: every piece
// of text is rendered in an element carrying its body offset (data-start).
export const selectedRange = (container: Element): { start: number; end: number } | null => {
  const selection = window.getSelection();
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  let start = Infinity;
  let end = -Infinity;
  for (const el of container.querySelectorAll<HTMLElement>('[data-start]')) {
    const text = el.firstChild;
    if (!text || text.nodeType !== Node.TEXT_NODE || !range.intersectsNode(text)) continue;
    const base = Number(el.dataset.start);
    const from = text === range.startContainer ? range.startOffset : 0;
    const to = text === range.endContainer ? range.endOffset : (text.textContent ?? '').length;
    if (to <= from) continue;
    start = Math.min(start, base + from);
    end = Math.max(end, base + to);
  }
  return end > start ? { start, end } : null;
};
