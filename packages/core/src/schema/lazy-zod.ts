// zod is loaded on first use, not at import: a good transcript is checked by hand-written fast checks and
// zod runs only to explain a rejection (or for the kinds without a fast check), so `convert` does not pay
// for compiling ~95 zod modules on every start. Loaded with require (zod ships a CommonJS build) because
// parsing is synchronous.
import { createRequire } from 'node:module';
import type { z } from 'zod';

export type Zod = typeof z;

let loaded: Zod | undefined;

function zod(): Zod {
  loaded ??= (createRequire(import.meta.url)('zod') as { z: Zod }).z;
  return loaded;
}

/** `define(z)` run once, with zod, when first asked for. */
export function lazySchemas<T extends object>(define: (z: Zod) => T): () => T {
  let schemas: T | undefined;
  return () => {
    schemas ??= define(zod());
    return schemas;
  };
}

/**
 * A stand-in for a schema that defines it (and loads zod) when a property (`safeParse`) is first read.
 * Typed as the schema itself, so consumers and `z.infer` see no difference.
 */
export function lazySchema<S extends object>(get: () => S): S {
  return new Proxy({} as S, {
    get(_, key) {
      const target = get();
      const value: unknown = Reflect.get(target, key, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
