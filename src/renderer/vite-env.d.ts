/** Vite bundles a module imported with `?worker` as a worker script and gives its constructor. */
declare module '*?worker' {
  const WorkerConstructor: new () => Worker;
  export default WorkerConstructor;
}
