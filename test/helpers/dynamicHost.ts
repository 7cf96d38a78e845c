/** The dynamic-provider host driver lives with the emulator (the demo and users use it too). */
export * from "../../emulator/dynamicHost";
