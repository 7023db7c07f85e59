"""Sides from a signed graph: structural balance with any number of camps.

Support, alliance, membership, being part of and leading pull two actors together (+); fighting
and opposing push them apart (-). A signed graph is balanced in the weak sense (Davis 1967) when
its actors fall into camps with every + tie inside a camp and every - tie between camps; Syria has
more than two sides, so the weak form fits better than a 2-colouring. Real records are rarely
balanced: we look for the partition with the fewest frustrated ties (correlation clustering): a
greedy agglomeration (join the two camps with the strongest net + tie, in total or per pair of
members, while it is positive), then moving one actor at a time while that lowers the count; the
better of the two linkages is kept. It is deterministic, and exact whenever
the graph is balanced (each camp's + ties connected), though not guaranteed optimal otherwise.

Every frustrated tie comes with the shortest cycle that shows the imbalance: a - tie inside a camp
closes a cycle of + ties, a + tie across camps closes a path with one - tie. Those cycles are what
"the US partners with the SDF while Turkey, its NATO ally, fights the SDF" says in words.
"""

from __future__ import annotations

import heapq
from collections import defaultdict, deque
from dataclasses import dataclass

__all__ = ["Partition", "SignedEdge", "frustrated", "partition", "unbalanced_cycle"]


@dataclass(frozen=True, slots=True)
class SignedEdge:
    """A tie between two actors: ``sign`` +1 or -1, ``key`` the claim it comes from, ``weight`` its pull."""

    a: str
    b: str
    sign: int
    key: str
    weight: int = 1

    def __post_init__(self) -> None:
        if self.sign not in (1, -1):
            raise ValueError(f"sign must be +1 or -1, not {self.sign!r}")


@dataclass(frozen=True, slots=True)
class Partition:
    """Camps (sorted tuples of node ids, largest first) and the edges that disagree with them."""

    camps: tuple[tuple[str, ...], ...]
    frustrated: tuple[SignedEdge, ...]

    def camp_of(self, node: str) -> int | None:
        for i, camp in enumerate(self.camps):
            if node in camp:
                return i
        return None


def _agglomerate(nodes: list[str], edges: list[SignedEdge], linkage: str) -> dict[str, int]:
    """Greedy agglomeration: merge the two camps with the strongest positive net tie until none is left.

    ``linkage`` ``total`` ranks pairs by their net tie (+ minus -), ``average`` by the net tie per
    pair of members, which keeps a hub (a coalition everyone belongs to) from swallowing every side.
    Equal ranks go to the pair of camps with the smallest numbers (nodes are numbered in sorted order,
    a merged camp keeps the smaller number), so the result is deterministic. A heap with lazy
    deletion keeps this near O(E log E).
    """
    camp = {n: i for i, n in enumerate(nodes)}
    members: dict[int, list[str]] = {i: [n] for i, n in enumerate(nodes)}
    weight: dict[int, dict[int, int]] = defaultdict(lambda: defaultdict(int))
    for e in edges:
        a, b = camp[e.a], camp[e.b]
        weight[a][b] += e.sign * e.weight
        weight[b][a] += e.sign * e.weight

    def entry(a: int, b: int, w: int) -> tuple:
        a, b = min(a, b), max(a, b)
        size = len(members[a]) * len(members[b])
        rank = w / size if linkage == "average" else w
        return (-rank, a, b, w, size)

    heap = [entry(a, b, w) for a, row in weight.items() for b, w in row.items() if a < b and w > 0]
    heapq.heapify(heap)
    while heap:
        _, a, b, w, size = heapq.heappop(heap)
        if a not in members or b not in members or weight[a].get(b, 0) != w \
                or len(members[a]) * len(members[b]) != size:
            continue  # stale: a side was merged, or the tie or the sizes changed since
        for n in members[b]:
            camp[n] = a
        members[a].extend(members.pop(b))
        row_b = weight.pop(b)
        row_b.pop(a, None)
        weight[a].pop(b, None)
        for d, wd in row_b.items():
            weight[d].pop(b, None)
            weight[a][d] += wd
            weight[d][a] = weight[a][d]
        for d, wd in weight[a].items():
            if wd > 0:
                heapq.heappush(heap, entry(a, d, wd))
    return camp


def _improve(nodes: list[str], ties, camp: dict[str, int], max_rounds: int) -> dict[str, int]:
    """Move single nodes to the camp (or a new one) where they frustrate least, until nothing moves."""
    camp = dict(camp)
    for _ in range(max_rounds):
        moved = False
        for n in nodes:
            plus_to: dict[int, int] = defaultdict(int)
            minus_to: dict[int, int] = defaultdict(int)
            plus_total = 0
            for other, signed in ties[n]:
                if signed > 0:
                    plus_to[camp[other]] += signed
                    plus_total += signed
                else:
                    minus_to[camp[other]] -= signed
            current = camp[n]
            options = [*sorted(set(plus_to) | set(minus_to) | {current}), max(camp.values()) + 1]
            # the cost of n in camp k: its + weight leaving k and its - weight inside k
            costs = {k: plus_total - plus_to.get(k, 0) + minus_to.get(k, 0) for k in options}
            best, best_cost = current, costs[current]
            for k in options:
                if costs[k] < best_cost:
                    best, best_cost = k, costs[k]
            if best != current:
                camp[n] = best
                moved = True
        if not moved:
            break
    return camp


def partition(nodes, edges, *, max_rounds: int = 50) -> Partition:
    """Group ``nodes`` into camps that frustrate as little edge weight as possible.

    Both linkages are tried, each refined by single moves; the one with less frustrated weight wins
    (average linkage on a tie).

    >>> es = [SignedEdge("russia", "assad", 1, "c1"), SignedEdge("rebels", "assad", -1, "c2"),
    ...       SignedEdge("turkey", "rebels", 1, "c3"), SignedEdge("isis", "assad", -1, "c4"),
    ...       SignedEdge("isis", "rebels", -1, "c5")]
    >>> p = partition(["assad", "isis", "rebels", "russia", "turkey"], es)
    >>> p.camps, p.frustrated
    ((('assad', 'russia'), ('rebels', 'turkey'), ('isis',)), ())
    """
    nodes = sorted(set(nodes) | {e.a for e in edges} | {e.b for e in edges})
    edges = [e for e in edges if e.a != e.b]
    leaves = _leaves(nodes, edges)
    if leaves:  # drawn without them, then each joins the one actor it is tied to
        core = partition([n for n in nodes if n not in leaves],
                         [e for e in edges if e.a not in leaves and e.b not in leaves], max_rounds=max_rounds)
        joined = [list(camp) for camp in core.camps]
        where = {n: i for i, camp in enumerate(core.camps) for n in camp}
        for leaf, anchor in leaves.items():
            joined[where[anchor]].append(leaf)
        camps = tuple(sorted((tuple(sorted(g)) for g in joined), key=lambda g: (-len(g), g)))
        return Partition(camps, frustrated(camps, edges))
    ties: dict[str, list[tuple[str, int]]] = defaultdict(list)
    for e in edges:
        ties[e.a].append((e.b, e.sign * e.weight))
        ties[e.b].append((e.a, e.sign * e.weight))
    best = None
    for linkage in ("average", "total"):
        camp = _improve(nodes, ties, _agglomerate(nodes, edges, linkage), max_rounds)
        groups: dict[int, list[str]] = defaultdict(list)
        for n in nodes:
            groups[camp[n]].append(n)
        camps = tuple(sorted((tuple(sorted(g)) for g in groups.values()), key=lambda g: (-len(g), g)))
        bad = frustrated(camps, edges)
        cost = sum(e.weight for e in bad)
        if best is None or cost < best[0]:
            best = (cost, camps, bad)
    return Partition(best[1], best[2])


def _leaves(nodes, edges) -> dict[str, str]:
    """Actors whose only ties are + ties to one other actor that has ties of its own (a client backed by one
    patron and nothing else): each belongs where that actor is, and drawing the sides without them keeps them
    from weighing on the rest (average linkage counts every member of a group, tied or not, so a patron's
    untied clients would dilute its ties: Turkey's backing of the Hamza Division moved the FSA away from Turkey
    in 2017). ``{leaf: the actor it is tied to}``."""
    others: dict[str, set[str]] = defaultdict(set)
    negative: set[str] = set()
    for e in edges:
        others[e.a].add(e.b)
        others[e.b].add(e.a)
        if e.sign < 0:
            negative.update((e.a, e.b))
    return {n: next(iter(others[n])) for n in nodes
            if len(others[n]) == 1 and n not in negative and len(others[next(iter(others[n]))]) > 1}


def frustrated(camps, edges) -> tuple[SignedEdge, ...]:
    """The edges that disagree with ``camps``: + between camps, - inside one; in the order given."""
    where = {n: i for i, camp in enumerate(camps) for n in camp}
    return tuple(e for e in edges if e.a != e.b and (where.get(e.a) == where.get(e.b)) != (e.sign > 0))


def _positive_tree(start: str, adjacency) -> dict[str, tuple[str, SignedEdge] | None]:
    """Breadth-first tree of + ties from ``start``: node -> (parent, edge), in a deterministic order."""
    back: dict[str, tuple[str, SignedEdge] | None] = {start: None}
    queue = deque([start])
    while queue:
        node = queue.popleft()
        for e in adjacency[node]:
            other = e.b if e.a == node else e.a
            if e.sign > 0 and other not in back:
                back[other] = (node, e)
                queue.append(other)
    return back


def _walk(back, node: str) -> list[SignedEdge]:
    """Edges from the tree's root to ``node``."""
    out = []
    while back[node] is not None:
        node, e = back[node]
        out.append(e)
    return out[::-1]


def unbalanced_cycle(edge: SignedEdge, edges) -> tuple[SignedEdge, ...]:
    """The shortest simple path between ``edge``'s ends that makes it a cycle with exactly one - tie.

    For a - edge that is a path of + ties; for a + edge, + ties to one - tie and + ties on from it.
    Empty when there is none (then the edge is frustrated only by the partition, not by a cycle).

    >>> es = [SignedEdge("usa", "sdf", 1, "a"), SignedEdge("usa", "nato", 1, "b"),
    ...       SignedEdge("turkey", "nato", 1, "c"), SignedEdge("turkey", "sdf", -1, "d")]
    >>> [e.key for e in unbalanced_cycle(es[3], es)]
    ['c', 'b', 'a']
    """
    adjacency: dict[str, list[SignedEdge]] = defaultdict(list)
    for e in sorted(edges, key=lambda e: e.key):
        if e.key == edge.key or e.a == e.b:
            continue
        adjacency[e.a].append(e)
        adjacency[e.b].append(e)
    start, goal = edge.a, edge.b
    from_start = _positive_tree(start, adjacency)
    if edge.sign < 0:
        return tuple(_walk(from_start, goal)) if goal in from_start else ()
    from_goal = _positive_tree(goal, adjacency)
    best: tuple[int, str, list[SignedEdge]] | None = None
    for e in sorted({e.key: e for row in adjacency.values() for e in row if e.sign < 0}.values(),
                    key=lambda e: e.key):
        for x, y in ((e.a, e.b), (e.b, e.a)):
            if x not in from_start or y not in from_goal:
                continue
            head, tail = _walk(from_start, x), _walk(from_goal, y)
            nodes_head = {start, *(n for h in head for n in (h.a, h.b))}
            nodes_tail = {goal, *(n for t in tail for n in (t.a, t.b))}
            if nodes_head & nodes_tail:
                continue  # not a simple cycle
            path = [*head, e, *tail[::-1]]
            if best is None or (len(path), e.key) < best[:2]:
                best = (len(path), e.key, path)
    return tuple(best[2]) if best else ()
