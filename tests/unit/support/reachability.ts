/** For state-machine tests that explore every reachable application: which nodes of the explored graph can still reach a final one. */
export function nodesThatCanFinish(edges: ReadonlyMap<string, ReadonlySet<string>>, finals: Iterable<string>): Set<string> {
  const canFinish = new Set(finals);
  for (let grew = true; grew;) {
    grew = false;
    for (const [from, tos] of edges) {
      if (!canFinish.has(from) && [...tos].some((t) => canFinish.has(t))) {
        canFinish.add(from);
        grew = true;
      }
    }
  }
  return canFinish;
}
