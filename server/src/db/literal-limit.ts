import {
  LimitNode,
  SelectQueryNode,
  ValueNode,
  type KyselyPlugin,
  type PluginTransformQueryArgs,
  type PluginTransformResultArgs,
  type QueryResult,
  type RootOperationNode,
  type UnknownRow,
} from 'kysely';

/**
 * Writes a query's row limit into its SQL (`LIMIT 21`) instead of binding it (`LIMIT ?`). SQLite plans
 * a query with the bound LIMIT's value in mind, so binding a new value, even the same one again, expires
 * the prepared statement: every history page, inbox and job batch was parsed and planned again on each
 * run (about 5 % of a history page's CPU under load, a fifth of its time in SQLite). With the limit in
 * the text, each limit is one statement kept prepared; pages ask for a handful of sizes (validated
 * integers), so they are few. Only the top-level select's limit, which is where the app puts them, and
 * only a whole number.
 */
export class LiteralLimitPlugin implements KyselyPlugin {
  transformQuery({ node }: PluginTransformQueryArgs): RootOperationNode {
    if (!SelectQueryNode.is(node) || !node.limit || !ValueNode.is(node.limit.limit)) return node;
    const { value } = node.limit.limit;
    if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) return node;
    return SelectQueryNode.cloneWithLimit(node, LimitNode.create(ValueNode.createImmediate(value)));
  }

  async transformResult({ result }: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return result;
  }
}
