// npm run start:pg: the service on PostgreSQL, for anyone to try, in one command. It keeps a PostgreSQL cluster in
// <data folder>/postgres/ (data/postgres/ by default; made the first time, kept from run to run), starts it if it is
// not running, creates the database `xiaoer`, and runs the service (node dist/main.js, as npm start does) with
// XIAOER_DATABASE_URL set. Ctrl-C stops the service first (it finishes its writes), then the cluster.
// A script, not a `xiaoer` command: the CLI is the shop's tool for a running service, and a shop on PostgreSQL
// runs its own server; a private cluster from this machine's binaries is a developer's convenience, like npm start.
import { spawn } from 'node:child_process';
import { relative, resolve } from 'node:path';
import { ClusterFolderClosedError, openKeptCluster } from '../dist/storage/postgres/kept-cluster.js';
import { createLocalDatabase, locatePostgresBinaries } from '../dist/storage/postgres/local-cluster.js';

const DATABASE = 'xiaoer';
const root = resolve(import.meta.dirname, '..');
const say = (line) => process.stdout.write(`${line}\n`);
const fail = (line, detail) => {
  process.stderr.write(`${line}\n${detail ? `\n详细信息：\n${detail}\n` : ''}`);
  process.exit(1);
};

if (process.env.XIAOER_DATABASE_URL?.trim())
  fail(
    '已经设置了 XIAOER_DATABASE_URL：要连您自己的 PostgreSQL，请直接运行 npm start；' +
      'npm run start:pg 用的是它在数据目录里自带的本机 PostgreSQL，请先取消这个环境变量。',
  );

const dataDir = resolve(process.cwd(), process.env.XIAOER_DATA_DIR?.trim() || 'data');
const clusterDir = resolve(dataDir, 'postgres');
const shown = relative(process.cwd(), clusterDir) || clusterDir;

const { found: bin, candidates } = locatePostgresBinaries();
if (!bin)
  fail(
    `没有找到 PostgreSQL 程序（initdb、postgres、pg_ctl），找过：${candidates.join('、')}。\n` +
      '请安装 Debian 的 postgresql 软件包（sudo apt-get install postgresql），' +
      '或用环境变量 XIAOER_PG_BIN 指向放着这些程序的目录。',
  );

// As root the server runs as nobody, and pg_ctl refuses root: the command a person types says so.
const stopCommand = `${process.getuid?.() === 0 ? 'runuser -u nobody -- ' : ''}${bin}/pg_ctl -D ${clusterDir} stop`;
say(`正在准备本机 PostgreSQL（数据保存在 ${shown}/）…`);
let cluster;
try {
  cluster = await openKeptCluster({
    dir: clusterDir,
    bin,
    onStep: (step) =>
      say(step === 'initdb' ? '第一次使用：正在初始化数据库集群（initdb，要几秒钟）…' : '正在启动 PostgreSQL…'),
  });
} catch (err) {
  if (err instanceof ClusterFolderClosedError)
    fail(
      `以 root 运行时 PostgreSQL 以用户 nobody 运行，而 nobody 进不去 ${clusterDir}（上级目录不对其他用户开放）。` +
        '请换一个普通用户运行，或用 XIAOER_DATA_DIR 指定一个其他用户能进入的数据目录。',
    );
  fail(`PostgreSQL 没能启动。日志在 ${clusterDir}/server.log。`, err.message);
}
say(
  cluster.startedHere
    ? `PostgreSQL 已启动，端口 ${cluster.port}。`
    : `PostgreSQL 已经在运行（端口 ${cluster.port}），直接使用；停止小二时不会停止它（要停止它：${stopCommand}）。`,
);
try {
  if (await createLocalDatabase(cluster.port, DATABASE, { ifMissing: true })) say(`已创建数据库 ${DATABASE}。`);
} catch (err) {
  if (cluster.startedHere) await cluster.stop().catch(() => undefined);
  fail(`没能创建数据库 ${DATABASE}。`, err.message);
}

const url = cluster.url(DATABASE);
say(`正在启动小二服务：XIAOER_DATABASE_URL=${url}`);
say(cluster.startedHere ? '按 Ctrl-C 停止小二服务和 PostgreSQL。' : '按 Ctrl-C 停止小二服务。');
const service = spawn(process.execPath, [resolve(root, 'dist/main.js')], {
  cwd: process.cwd(),
  env: { ...process.env, XIAOER_DATABASE_URL: url, MALLOC_ARENA_MAX: '2' },
  stdio: 'inherit',
});
// Ctrl-C reaches the service from the terminal too (same process group); a signal sent to this script alone is
// passed on. The service stops once however often it is asked; the cluster is stopped when the service has gone.
const forward = (signal) => () => {
  if (service.exitCode === null && service.signalCode === null) service.kill(signal);
};
process.on('SIGINT', forward('SIGINT'));
process.on('SIGTERM', forward('SIGTERM'));
const code = await new Promise((resolveExit) =>
  service.once('exit', (exitCode, signal) => resolveExit(exitCode ?? (signal ? 1 : 0))),
);
if (cluster.startedHere) {
  say('正在停止 PostgreSQL…');
  try {
    await cluster.stop();
    say(`PostgreSQL 已停止。数据保留在 ${shown}/，下次 npm run start:pg 接着用。`);
  } catch (err) {
    fail(`PostgreSQL 没能停止，请手动停止：${stopCommand}`, err.message);
  }
}
process.exit(code);
