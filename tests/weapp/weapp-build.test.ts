import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildMiniapp } from '../support/build';
import { testsDir, weappDir } from '../support/paths';

interface AppJson {
  pages: string[];
  subPackages?: { root: string; pages: string[] }[];
  subpackages?: { root: string; pages: string[] }[];
  tabBar?: { list: { pagePath: string; text: string; iconPath?: string; selectedIconPath?: string }[] };
}

const MAIN_PACKAGE_BUDGET = 1024 * 1024; // our budget; WeChat refuses above 2 MB
const PAGE_FILES = ['.js', '.json', '.wxml'];

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(full) : [full];
  });
}

function pngSize(file: string): { width: number; height: number } {
  const bytes = readFileSync(file);
  expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

describe('weapp build', () => {
  let appJson: AppJson;
  let subpackageRoots: string[];

  beforeAll(async () => {
    await buildMiniapp('weapp');
    appJson = JSON.parse(readFileSync(join(weappDir, 'app.json'), 'utf8')) as AppJson;
    subpackageRoots = (appJson.subPackages ?? appJson.subpackages ?? []).map((p) => p.root.replace(/\/$/, ''));
  });

  it('ships the DevTools project file with the tourist appid', () => {
    const project = JSON.parse(readFileSync(join(weappDir, 'project.config.json'), 'utf8')) as { appid: string };
    expect(project.appid).toBe('touristappid');
  });

  it('has the files of every page in app.json, subpackages included', () => {
    const pages = [
      ...appJson.pages,
      ...(appJson.subPackages ?? appJson.subpackages ?? []).flatMap((p) =>
        p.pages.map((page) => `${p.root.replace(/\/$/, '')}/${page}`),
      ),
    ];
    expect(pages.length).toBeGreaterThanOrEqual(4);
    for (const page of pages) {
      for (const ext of PAGE_FILES) expect(existsSync(join(weappDir, page + ext)), page + ext).toBe(true);
    }
  });

  it('declares a tab bar of working main-package pages with their icons', () => {
    const tabs = appJson.tabBar?.list ?? [];
    expect(tabs.map((tab) => tab.pagePath)).toEqual([
      'pages/home/index',
      'pages/guides/index',
      'pages/history/index',
      'pages/me/index',
    ]);
    for (const tab of tabs) {
      expect(appJson.pages).toContain(tab.pagePath);
      for (const icon of [tab.iconPath, tab.selectedIconPath]) {
        expect(icon, `${tab.pagePath} icon`).toBeTruthy();
        const file = join(weappDir, icon!);
        expect(existsSync(file), icon).toBe(true);
        expect(statSync(file).size).toBeLessThan(40 * 1024);
        const { width, height } = pngSize(file);
        expect(width).toBe(height);
        expect(width).toBeGreaterThanOrEqual(48);
      }
    }
  });

  it(`keeps the main package under ${MAIN_PACKAGE_BUDGET / 1024} KB`, () => {
    const mainFiles = filesUnder(weappDir).filter((file) => {
      const rel = relative(weappDir, file);
      return rel !== 'project.config.json' && !subpackageRoots.some((root) => rel.startsWith(`${root}/`));
    });
    const bytes = mainFiles.reduce((sum, file) => sum + statSync(file).size, 0);
    console.log(`weapp main package: ${(bytes / 1024).toFixed(0)} KB in ${mainFiles.length} files`);
    expect(bytes).toBeLessThan(MAIN_PACKAGE_BUDGET);
  });

  it('compiles with WeChat’s own compiler (ES6 and minify on) without errors', async () => {
    // miniprogram-ci leaves an empty folder named by a random hex id in its working directory.
    const workDir = mkdtempSync(join(tmpdir(), 'cbc-wechat-compile-'));
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [join(testsDir, 'weapp', 'wechat-compile.cjs'), weappDir],
      { cwd: workDir, maxBuffer: 32 * 1024 * 1024 },
    )
      .catch((error: { stdout?: string }) => ({ stdout: error.stdout ?? String(error) }))
      .finally(() => rmSync(workDir, { recursive: true, force: true }));
    const lastLine = stdout.trim().split('\n').pop() ?? '';
    const result = JSON.parse(lastLine) as { ok: boolean; error?: string; files?: string[] };
    expect(result.error).toBeUndefined();
    expect(result.ok).toBe(true);
    expect(result.files).toContain('app.js');
    expect(result.files).toContain('pages/guides/index.js');
  });
});
