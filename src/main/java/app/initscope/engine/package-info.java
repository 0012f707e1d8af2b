/**
 * The only threads of the application, and no toolkit: the {@link app.initscope.engine.ComputePool} behind
 * {@code core}'s {@code Parallel}, and cancellable, coalescing {@link app.initscope.engine.Job}s that stream
 * immutable snapshots through an executor the caller supplies (the window passes {@code Platform::runLater}).
 */
package app.initscope.engine;
