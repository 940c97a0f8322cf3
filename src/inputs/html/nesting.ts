// Readability's cost grows with the cube of nesting depth (100 levels: 0.2 s; 500: 1.5 s; 1 000: 9 s,
// measured on linkedom), and linkedom's parser overflows the call stack near 20 000 levels. News
// pages nest 20 to 60 deep, so a page deeper than this is refused instead of read.
export const MAX_NESTING = 128;

interface NodeLike {
  childNodes: ArrayLike<NodeLike>;
}

/** True when some element lies more than `limit` levels below `root`; walks with a stack, stops early. */
export const nestedDeeperThan = (root: NodeLike, limit: number): boolean => {
  const stack: Array<[NodeLike, number]> = [[root, 0]];
  while (stack.length) {
    const [node, depth] = stack.pop()!;
    if (depth > limit) return true;
    const children = node.childNodes;
    for (let i = 0; i < children.length; i++) stack.push([children[i], depth + 1]);
  }
  return false;
};
