import { writeFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { brotliCompress, constants as zlibConstants, gzip } from 'node:zlib';
import { buildSync } from 'esbuild';
import HtmlWebpackPlugin from 'html-webpack-plugin';
import type { Compiler } from 'webpack';

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/** Text assets worth compressing; images and fonts are compressed formats already. */
const COMPRESSIBLE = /\.(?:js|css|html|svg|json|txt)$/;
/** Below this a compressed copy saves less than the extra round of negotiation is worth. */
const MIN_BYTES = 1024;

/**
 * Writes `name.br` and `name.gz` beside every text asset of the h5 build. The server hands them out
 * with @fastify/static's `preCompressed`, so every visitor gets brotli at its highest quality (11),
 * which is far too slow to run per request, and the server spends no CPU compressing static files.
 * A copy that does not save at least a tenth is not written (the server then sends the original).
 */
export class PrecompressPlugin {
  apply(compiler: Compiler): void {
    const { Compilation, sources } = compiler.webpack;
    compiler.hooks.thisCompilation.tap('PrecompressPlugin', (compilation) => {
      compilation.hooks.processAssets.tapPromise(
        { name: 'PrecompressPlugin', stage: Compilation.PROCESS_ASSETS_STAGE_OPTIMIZE_TRANSFER },
        async (assets) => {
          const jobs = Object.keys(assets)
            .filter((name) => COMPRESSIBLE.test(name))
            .map(async (name) => {
              const source = compilation.getAsset(name)?.source.buffer();
              if (!source || source.length < MIN_BYTES) return;
              const [br, gz] = await Promise.all([
                brotli(source, {
                  params: {
                    [zlibConstants.BROTLI_PARAM_QUALITY]: zlibConstants.BROTLI_MAX_QUALITY,
                    [zlibConstants.BROTLI_PARAM_MODE]: zlibConstants.BROTLI_MODE_TEXT,
                    [zlibConstants.BROTLI_PARAM_SIZE_HINT]: source.length,
                  },
                }),
                gzipAsync(source, { level: 9 }),
              ]);
              for (const [suffix, bytes] of [
                ['.br', br],
                ['.gz', gz],
              ] as const) {
                if (bytes.length <= source.length * 0.9) {
                  compilation.emitAsset(`${name}${suffix}`, new sources.RawSource(bytes), { compressed: true });
                }
              }
            });
          await Promise.all(jobs);
        },
      );
    });
  }
}

/**
 * `H5_STATS_FILE=/tmp/h5-stats.json npm run build:h5` writes webpack's chunk and module statistics,
 * for measuring what the first screen loads (tests/lighthouse/bundle-report.ts reads it).
 */
export class StatsFilePlugin {
  constructor(private readonly file: string) {}

  apply(compiler: Compiler): void {
    compiler.hooks.done.tap('StatsFilePlugin', (stats) => {
      const json = stats.toJson({
        all: false,
        assets: true,
        chunks: true,
        chunkModules: true,
        dependentModules: true,
        nestedModules: true,
        chunkRelations: true,
        chunkOrigins: true,
        entrypoints: true,
        ids: true,
      });
      writeFileSync(this.file, JSON.stringify(json));
    });
  }
}

/** Puts an inline script first in index.html's head (the server allows each by its hash). */
function prependInlineScript(headTags: HtmlWebpackPlugin.HtmlTagObject[], plugin: string, script: string): void {
  headTags.unshift({ tagName: 'script', voidTag: false, meta: { plugin }, attributes: {}, innerHTML: script });
}

/** A lazily loaded page: Taro's h5 app imports each one as `import('./pages/guides/index')`. */
const PAGE_REQUEST = /^\.\/((?:pages|packages)\/.+\/index)$/;

/**
 * Starts the download of the opened page's own chunks (JS and CSS) from index.html, beside the entry's,
 * instead of after the entry has been fetched and run (Lighthouse: the page chunks were requested only
 * at ~0.75 s, after vendors.js and app.js, and the page's content waited on that extra round trip).
 * The routes are hash routes, so one small inline script picks the page's files from `location.hash`
 * (no hash: the first page, home) and adds a `<link rel="preload">` for each; webpack then loads the
 * same URLs from the cache. Files of the entry (vendors, app) are not listed: the page loads them anyway.
 * The server allows the inline script by its hash like Taro's rem script (server/src/plugins/static-site.ts).
 */
export class PagePreloadPlugin {
  constructor(private readonly homeRoute: string) {}

  apply(compiler: Compiler): void {
    compiler.hooks.thisCompilation.tap('PagePreloadPlugin', (compilation) => {
      HtmlWebpackPlugin.getHooks(compilation).alterAssetTagGroups.tap('PagePreloadPlugin', (data) => {
        const publicPath =
          typeof compilation.outputOptions.publicPath === 'string' ? compilation.outputOptions.publicPath : '/';
        const pages: Record<string, string[]> = {};
        for (const group of compilation.chunkGroups) {
          if (group.isInitial()) continue;
          const route = group.origins.map((origin) => PAGE_REQUEST.exec(origin.request ?? '')?.[1]).find(Boolean);
          if (!route) continue;
          const files = group.chunks
            .filter((chunk) => !chunk.canBeInitial())
            .flatMap((chunk) => [...chunk.files])
            .filter((file) => /\.(?:js|css)$/.test(file));
          if (files.length > 0) pages[route] = [...new Set([...(pages[route] ?? []), ...files])];
        }
        const script =
          `!function(m){var r=location.hash.replace(/^#\\/?/,"").split("?")[0]||${JSON.stringify(this.homeRoute)},f=m[r]||[];` +
          `f.forEach(function(n){var l=document.createElement("link");l.rel="preload";` +
          `l.as=/\\.css$/.test(n)?"style":"script";l.href=${JSON.stringify(publicPath)}+n;document.head.appendChild(l)})}` +
          `(${JSON.stringify(pages)});`;
        prependInlineScript(data.headTags, 'PagePreloadPlugin', script);
        return data;
      });
    });
  }
}

/** The boot script runs before anything else on every first load: about 7 KB (2 KB as brotli), most of it the
 * table of routes. Zod or Taro pulled in by mistake would add hundreds. */
const BOOT_SCRIPT_MAX_BYTES = 10_240;

/**
 * Inlines the boot script (src/boot/boot.ts, bundled here by esbuild) as the first script of index.html:
 * it sends the opened page's first API GETs while the app's files are still downloading, so the page
 * can show their replies on its first render instead of asking only after the entry has run. The
 * server allows it by its hash, as it does Taro's rem script (server/src/plugins/static-site.ts).
 */
export class BootScriptPlugin {
  constructor(private readonly entry: string) {}

  apply(compiler: Compiler): void {
    compiler.hooks.thisCompilation.tap('BootScriptPlugin', (compilation) => {
      HtmlWebpackPlugin.getHooks(compilation).alterAssetTagGroups.tap('BootScriptPlugin', (data) => {
        const { outputFiles } = buildSync({
          entryPoints: [this.entry],
          bundle: true,
          write: false,
          format: 'iife',
          platform: 'browser',
          target: 'es2020',
          minify: true,
          legalComments: 'none',
        });
        const script = outputFiles[0]!.text.trim();
        if (Buffer.byteLength(script) > BOOT_SCRIPT_MAX_BYTES) {
          throw new Error(
            `The boot script is ${Buffer.byteLength(script)} bytes, over ${BOOT_SCRIPT_MAX_BYTES}: did it import zod or Taro?`,
          );
        }
        prependInlineScript(data.headTags, 'BootScriptPlugin', script);
        return data;
      });
    });
  }
}
