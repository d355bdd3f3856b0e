/**
 * Dependency order at run time: each package of the set, per target, settles once it is done
 * (built, skipped, failed or refused), and a build first waits for the packages it requires that
 * come before it in the build order. Waiting happens outside the build pool, so a waiting build
 * never holds a slot that one of its dependencies needs.
 */

/** The packages of a set, per target, and when each is done. */
export class OrderGate {
  private readonly done = new Map<string, { promise: Promise<void>; resolve: () => void }>();
  private readonly rank: ReadonlyMap<string, number>;

  /** `order` is the build order (graph.ts); every project × target gets a gate. */
  constructor(order: readonly string[], targets: readonly string[]) {
    this.rank = new Map(order.map((project, index) => [project, index]));
    for (const project of order) {
      for (const target of targets) {
        let resolve = (): void => undefined;
        const promise = new Promise<void>((r) => (resolve = r));
        this.done.set(`${target}\0${project}`, { promise, resolve });
      }
    }
  }

  /** The project's place in the build order (unknown projects last). */
  position(project: string | null): number {
    return this.rank.get(project ?? "") ?? Infinity;
  }

  /** Marks a project's package on a target as done. */
  settle(project: string, target: string): void {
    this.done.get(`${target}\0${project}`)?.resolve();
  }

  /**
   * Resolves once every project of `requires` that precedes `project` in the build order is done
   * on `target`. Across a broken cycle, the earlier package does not wait for the later one.
   */
  async after(project: string, target: string, requires: readonly string[]): Promise<void> {
    const own = this.position(project);
    const before = requires.filter((dep) => this.position(dep) < own);
    await Promise.all(before.flatMap((dep) => this.done.get(`${target}\0${dep}`)?.promise ?? []));
  }
}
