// Compiles a weapp build with WeChat's own compiler (miniprogram-ci, the compile module of WeChat
// DevTools), offline: the project attributes WeChat's servers would return are given locally, and the
// signing key is a throwaway generated here. Prints one JSON line and exits (miniprogram-ci keeps the
// process alive otherwise). Usage: node wechat-compile.cjs <weapp-dir>
'use strict';
const { generateKeyPairSync } = require('node:crypto');
const { mkdtempSync, writeFileSync, statSync } = require('node:fs');
const { tmpdir } = require('node:os');
const path = require('node:path');
const ci = require('miniprogram-ci');

const projectPath = path.resolve(process.argv[2] ?? '');

// What WeChat answers for an ordinary mini-program; sizes in MB (2 MB is WeChat's main-package limit).
const LOCAL_PROJECT_ATTR = {
  ...ci.DefaultProjectAttr,
  platform: false,
  appType: 0,
  isSandbox: false,
  released: false,
  setting: {
    ...ci.DefaultProjectAttr.setting,
    MaxCodeSize: 2,
    MaxSubpackageSubCodeSize: 2,
    MaxSubpackageFullCodeSize: 20,
    MaxSubPackageLimit: 100,
    MinTabbarCount: 2,
    MaxTabbarCount: 5,
    MaxTabbarIconSize: 40,
  },
};

class OfflineProject extends ci.Project {
  async attr() {
    return LOCAL_PROJECT_ATTR;
  }
}

function sizeOf(value) {
  return Buffer.isBuffer(value) ? value.length : Buffer.byteLength(String(value));
}

async function main() {
  if (!statSync(projectPath, { throwIfNoEntry: false })?.isDirectory()) {
    throw new Error(`Not a directory: ${projectPath}`);
  }
  const keyDir = mkdtempSync(path.join(tmpdir(), 'wechat-key-'));
  const privateKeyPath = path.join(keyDir, 'private.key');
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  writeFileSync(privateKeyPath, privateKey.export({ type: 'pkcs1', format: 'pem' }));

  const project = new OfflineProject({
    appid: 'touristappid',
    type: 'miniProgram',
    projectPath,
    privateKeyPath,
    ignores: ['node_modules/**/*'],
  });
  const compiled = await ci.getCompiledResult({
    project,
    version: '0.0.0',
    setting: { es6: true, es7: true, minify: true, autoPrefixWXSS: true },
    onProgressUpdate: () => {},
  });
  const files = Object.keys(compiled);
  const totalBytes = files.reduce((sum, name) => sum + sizeOf(compiled[name]), 0);
  console.log(JSON.stringify({ ok: true, files: files.sort(), totalBytes }));
}

main().then(
  () => process.exit(0),
  (error) => {
    console.log(JSON.stringify({ ok: false, error: String(error && (error.message || error)).slice(0, 4000) }));
    process.exit(1);
  },
);
