// Build-time constants that electron-vite replaces in the main bundle (import.meta.env.DEV).
/// <reference types="electron-vite/node" />
