/**
 * The pure computation: initializers, activations, the network, statistics and theory. No JavaFX, no printing,
 * no threads of its own (parallelism comes in through {@link app.initscope.core.linalg.Parallel}).
 */
package app.initscope.core;
