import { defineConfig } from '@playwright/test';

/** The server under test; `cargo xtask test` starts one and sets this. */
const baseURL = process.env.GUILD_BASE_URL ?? 'http://127.0.0.1:3000';

/** Debian's chromium; Playwright never downloads a browser here. */
const launchOptions = {
  executablePath: process.env.GUILD_CHROMIUM ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
};

export default defineConfig({
  testDir: './tests',
  // A stray `test.only` would silently skip the rest of the suite.
  forbidOnly: true,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1,
  reporter: [['list']],
  use: {
    baseURL,
    launchOptions,
    trace: 'retain-on-failure',
  },
  projects: [
    {
      name: 'with-js',
      testIgnore: /\.nojs\.spec\.ts$/,
      use: { javaScriptEnabled: true },
    },
    {
      name: 'without-js',
      testMatch: /\.nojs\.spec\.ts$/,
      use: { javaScriptEnabled: false },
    },
  ],
});
