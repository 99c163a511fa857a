export * from './voice-input.ts';
export * from './voice-projection.ts';
export * from './voices.ts';
