// Outside Next's bundler nothing sets the "react-server" condition, so the "server-only" marker
// would throw; the production server loads server modules on purpose, so it resolves the marker as
// a server component would.
export async function resolve(specifier, context, nextResolve) {
  if (specifier !== "server-only") return nextResolve(specifier, context);
  return nextResolve(specifier, { ...context, conditions: [...context.conditions, "react-server"] });
}
