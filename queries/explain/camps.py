"""Sides from a signed graph: structural balance with any number of camps.

Support, alliance, membership, being part of and leading pull two actors together (+); fighting
and opposing push them apart (-). A signed graph is balanced in the weak sense (Davis 1967) when
its actors fall into camps with every + tie inside a camp and every - tie between camps; Syria has
more than two sides, so the weak form fits better than a 2-colouring. Real records are rarely
balanced: we look for the partition with the fewest frustrated ties (correlation clustering): a
greedy agglomeration (join the two camps with the most net + ties while that number is positive),
then moving one actor at a time while that lowers the count. It is deterministic, and exact whenever
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


def _agglomerate(nodes: list[str], edges: list[SignedEdge]) -> dict[str, int]:
    """Greedy agglomeration: merge the two camps with the largest positive net tie (+ minus -) until none is left.

    Ties go to the pair of camps with the smallest numbers (nodes are numbered in sorted order, a merged
    camp keeps the smaller number), so the result is deterministic. A heap with lazy deletion keeps
    this near O(E log E).
    """
    camp = {n: i for i, n in enumerate(nodes)}
    members: dict[int, list[str]] = {i: [n] for i, n in enumerate(nodes)}
    weight: dict[int, dict[int, int]] = defaultdict(lambda: defaultdict(int))
    for e in edges:
        a, b = camp[e.a], camp[e.b]
        weight[a][b] += e.sign * e.weight
        weight[b][a] += e.sign * e.weight
    heap = [(-w, a, b) for a, row in weight.items() for b, w in row.items() if a < b and w > 0]
    heapq.heapify(heap)
    while heap:
        w, a, b = heapq.heappop(heap)
        if a not in members or b not in members or weight[a].get(b, 0) != -w:
            continue  # stale: one side was merged, or the weight changed since
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
                heapq.heappush(heap, (-wd, min(a, d), max(a, d)))
    return camp


def partition(nodes, edges, *, max_rounds: int = 50) -> Partition:
    """Group ``nodes`` into camps that frustrate as little edge weight as possible.

    >>> es = [SignedEdge("russia", "assad", 1, "c1"), SignedEdge("rebels", "assad", -1, "c2"),
    ...       SignedEdge("turkey", "rebels", 1, "c3"), SignedEdge("isis", "assad", -1, "c4"),
    ...       SignedEdge("isis", "rebels", -1, "c5")]
    >>> p = partition(["assad", "isis", "rebels", "russia", "turkey"], es)
    >>> p.camps, p.frustrated
    ((('assad', 'russia'), ('rebels', 'turkey'), ('isis',)), ())
    """
    nodes = sorted(set(nodes) | {e.a for e in edges} | {e.b for e in edges})
    edges = [e for e in edges if e.a != e.b]
    camp = _agglomerate(nodes, edges)
    ties: dict[str, list[tuple[str, int]]] = defaultdict(list)
    for e in edges:
        ties[e.a].append((e.b, e.sign * e.weight))
        ties[e.b].append((e.a, e.sign * e.weight))
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
            options = sorted(set(plus_to) | set(minus_to) | {current})
            fresh = max(camp.values()) + 1
            # the cost of n in camp k: its + weight leaving k and its - weight inside k
            costs = {k: plus_total - plus_to.get(k, 0) + minus_to.get(k, 0) for k in [*options, fresh]}
            best, best_cost = current, costs[current]
            for k in [*options, fresh]:
                if costs[k] < best_cost:
                    best, best_cost = k, costs[k]
            if best != current:
                camp[n] = best
                moved = True
        if not moved:
            break
    groups: dict[int, list[str]] = defaultdict(list)
    for n in nodes:
        groups[camp[n]].append(n)
    camps = tuple(sorted((tuple(sorted(g)) for g in groups.values()), key=lambda g: (-len(g), g)))
    return Partition(camps, frustrated(camps, edges))


def frustrated(camps, edges) -> tuple[SignedEdge, ...]:
    """The edges that disagree with ``camps``: + between camps, - inside one; in the order given."""
    where = {n: i for i, camp in enumerate(camps) for n in camp}
    return tuple(e for e in edges if e.a != e.b and (where.get(e.a) == where.get(e.b)) != (e.sign > 0))


def unbalanced_cycle(edge: SignedEdge, edges) -> tuple[SignedEdge, ...]:
    """The shortest path between ``edge``'s ends that makes it a cycle with exactly one - tie.

    For a - edge that is a path of + ties; for a + edge a path with one - tie. Empty when there is
    none (then the edge is frustrated only by the partition, not by a cycle).

    >>> es = [SignedEdge("usa", "sdf", 1, "a"), SignedEdge("usa", "nato", 1, "b"),
    ...       SignedEdge("turkey", "nato", 1, "c"), SignedEdge("turkey", "sdf", -1, "d")]
    >>> [e.key for e in unbalanced_cycle(es[3], es)]
    ['c', 'b', 'a']
    """
    want = 0 if edge.sign < 0 else 1
    adjacency: dict[str, list[SignedEdge]] = defaultdict(list)
    for e in sorted(edges, key=lambda e: e.key):
        if e.key == edge.key or e.a == e.b:
            continue
        adjacency[e.a].append(e)
        adjacency[e.b].append(e)
    start, goal = edge.b, edge.a
    back: dict[tuple[str, int], tuple[tuple[str, int], SignedEdge] | None] = {(start, 0): None}
    queue = deque([(start, 0)])
    while queue:
        node, negatives = queue.popleft()
        if node == goal and negatives == want:
            path = []
            state = (node, negatives)
            while back[state] is not None:
                state, e = back[state]
                path.append(e)
            return tuple(path)
        for e in adjacency[node]:
            nxt = (e.b if e.a == node else e.a, negatives + (e.sign < 0))
            if nxt[1] > want or nxt in back:
                continue
            back[nxt] = ((node, negatives), e)
            queue.append(nxt)
    return ()
