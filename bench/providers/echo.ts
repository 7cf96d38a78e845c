/**
 * A provider whose read answers from state after a pause, making no call: what the host itself
 * needs to hold 1,000 concurrent reads, the floor under our memory figure.
 */
export const echoReadProvider = {
  async read(id: string, props: object) {
    await new Promise((resolve) => setTimeout(resolve, 4_000 * Math.random()));
    return { id, props };
  },
};
