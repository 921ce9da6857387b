import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { CliExit } from '../shared.ts';

export function register(program: Command): void {
  program
    .command('serve [dir]')
    .description('在本机提供构建好的站点（npm start 用它）：带安全响应头，发送构建时预压缩的 .br/.gz 文件')
    .option('--host <host>', '监听地址', '127.0.0.1')
    .option('--port <port>', '端口', '4321')
    .action(async (dir: string | undefined, opts: { host: string; port: string }) => {
      const root = path.resolve(dir ?? process.env.LIANJIAN_OUT_DIR ?? 'dist');
      if (!existsSync(path.join(root, 'index.html'))) {
        console.error(`找不到构建好的站点：${path.join(root, 'index.html')} 不存在。请先运行 npm run build。`);
        throw new CliExit(2);
      }
      const port = Number(opts.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535) {
        console.error(`--port 应为 0–65535 的整数，收到“${opts.port}”`);
        throw new CliExit(2);
      }
      const { startSiteServer } = await import('../../node/site/server.ts');
      try {
        const server = await startSiteServer({ dir: root, host: opts.host, port });
        console.log(`站点：${server.url}/（目录 ${root}；Ctrl-C 停止）`);
      } catch (err) {
        const code = (err as NodeJS.ErrnoException).code;
        if (code === 'EADDRINUSE') console.error(`端口 ${port} 已被占用，请用 --port 指定其他端口`);
        else console.error(`无法在 ${opts.host}:${port} 启动：${(err as Error).message}`);
        throw new CliExit(2);
      }
    });
}
