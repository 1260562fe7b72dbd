/**
 * The member whose turn it is in a round-robin queue: the first available member after the one
 * who got the last turn, in member order, wrapping around. When the last one has left the
 * queue (or there was no turn yet) the rotation starts at the first member. Null when nobody
 * is available.
 */
export function nextRoundRobinMember(
  memberIds: readonly string[],
  lastAgentId: string | null,
  isAvailable: (agentId: string) => boolean,
): string | null {
  const start = lastAgentId === null ? 0 : memberIds.indexOf(lastAgentId) + 1;
  for (let offset = 0; offset < memberIds.length; offset++) {
    const candidate = memberIds[(start + offset) % memberIds.length];
    if (candidate !== undefined && isAvailable(candidate)) return candidate;
  }
  return null;
}
