/**
 * A provider whose read answers from state after a pause, making no call: what the host itself
 * needs to hold the same reads in flight, the floor under our memory figure.
 */
export const echoReadProvider = {
  async read(id: string, props: { pauseMs?: number }) {
    await new Promise((resolve) => setTimeout(resolve, props.pauseMs ?? 50));
    return { id, props };
  },
};
