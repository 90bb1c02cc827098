// Intentionally empty: the feature this core-js 2 module polyfills is native (see README.md).
