/** A person to place on the org chart. */
export interface LayoutNode {
  id: string;
  /** Who they report to; unknown ids and cycles make the node a root. */
  parent: string | null;
  width: number;
  height: number;
}

/** Where a node sits: its centre x, top y, and size. */
export interface Placement {
  id: string;
  x: number;
  y: number;
  width: number;
  height: number;
  depth: number;
}

export interface TreeLayout {
  placements: Map<string, Placement>;
  /** Bounding box of every card. */
  bounds: { x: number; y: number; width: number; height: number };
}

/**
 * Lays out an org chart top-down: each subtree takes the width of its children side by side (or its own
 * card, if wider), parents sit centred over their children, and separate trees stand next to each other.
 * Nodes keep the order they are given in among siblings. A `parent` that is missing or that would close a
 * cycle is ignored, so any document (even one edited concurrently into a loop) lays out.
 */
export function layoutTree(
  nodes: readonly LayoutNode[],
  { siblingGap = 24, treeGap = 48, levelGap = 56 }: { siblingGap?: number; treeGap?: number; levelGap?: number } = {},
): TreeLayout {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const parentOf = new Map<string, string | null>();
  for (const node of nodes) parentOf.set(node.id, effectiveParent(node, byId));

  const children = new Map<string, LayoutNode[]>();
  const roots: LayoutNode[] = [];
  for (const node of nodes) {
    const parent = parentOf.get(node.id);
    if (parent) {
      const list = children.get(parent) ?? [];
      list.push(node);
      children.set(parent, list);
    } else roots.push(node);
  }

  // Row heights: the tallest card at each depth, so rows line up.
  const depthOf = new Map<string, number>();
  const rowHeight: number[] = [];
  const visitDepth = (node: LayoutNode, depth: number) => {
    depthOf.set(node.id, depth);
    rowHeight[depth] = Math.max(rowHeight[depth] ?? 0, node.height);
    for (const child of children.get(node.id) ?? []) visitDepth(child, depth + 1);
  };
  for (const root of roots) visitDepth(root, 0);
  const rowTop: number[] = [];
  let top = 0;
  for (let d = 0; d < rowHeight.length; d++) {
    rowTop[d] = top;
    top += (rowHeight[d] ?? 0) + levelGap;
  }

  const widthOf = new Map<string, number>();
  const measure = (node: LayoutNode): number => {
    const kids = children.get(node.id) ?? [];
    const kidsWidth = kids.reduce((sum, kid) => sum + measure(kid), 0) + Math.max(0, kids.length - 1) * siblingGap;
    const width = Math.max(node.width, kidsWidth);
    widthOf.set(node.id, width);
    return width;
  };

  const placements = new Map<string, Placement>();
  const place = (node: LayoutNode, left: number) => {
    const width = widthOf.get(node.id) ?? node.width;
    const depth = depthOf.get(node.id) ?? 0;
    placements.set(node.id, {
      id: node.id,
      x: left + width / 2,
      y: (rowTop[depth] ?? 0) + ((rowHeight[depth] ?? node.height) - node.height) / 2,
      width: node.width,
      height: node.height,
      depth,
    });
    const kids = children.get(node.id) ?? [];
    const kidsWidth =
      kids.reduce((sum, kid) => sum + (widthOf.get(kid.id) ?? 0), 0) + Math.max(0, kids.length - 1) * siblingGap;
    let cursor = left + (width - kidsWidth) / 2;
    for (const kid of kids) {
      place(kid, cursor);
      cursor += (widthOf.get(kid.id) ?? 0) + siblingGap;
    }
  };

  let left = 0;
  for (const root of roots) {
    const width = measure(root);
    place(root, left);
    left += width + treeGap;
  }

  let minX = Number.POSITIVE_INFINITY;
  let minY = Number.POSITIVE_INFINITY;
  let maxX = Number.NEGATIVE_INFINITY;
  let maxY = Number.NEGATIVE_INFINITY;
  for (const p of placements.values()) {
    minX = Math.min(minX, p.x - p.width / 2);
    maxX = Math.max(maxX, p.x + p.width / 2);
    minY = Math.min(minY, p.y);
    maxY = Math.max(maxY, p.y + p.height);
  }
  const bounds =
    placements.size === 0
      ? { x: 0, y: 0, width: 0, height: 0 }
      : { x: minX, y: minY, width: maxX - minX, height: maxY - minY };
  return { placements, bounds };
}

/** The node's parent, or null when it has none, it is unknown, or following parents from it loops. */
function effectiveParent(node: LayoutNode, byId: Map<string, LayoutNode>): string | null {
  const parent = node.parent;
  if (!parent || parent === node.id || !byId.has(parent)) return null;
  // Walk up; if we come back to this node, the link closes a cycle. Break it at the node with the smallest id
  // so every client breaks the same cycle at the same place.
  const seen = new Set<string>([node.id]);
  const cycle: string[] = [node.id];
  let current: string | null = parent;
  while (current) {
    if (seen.has(current)) {
      if (current !== node.id) return parent; // a cycle above us, not through us
      const breakAt = [...cycle].sort()[0];
      return breakAt === node.id ? null : parent;
    }
    seen.add(current);
    cycle.push(current);
    const next: LayoutNode | undefined = byId.get(current);
    current = next?.parent && byId.has(next.parent) ? next.parent : null;
  }
  return parent;
}
