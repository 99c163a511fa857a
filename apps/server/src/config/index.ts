export { type Config, ConfigError, loadConfig } from './load-config.ts';
