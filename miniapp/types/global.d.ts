/// <reference types="@tarojs/taro" />

declare module '*.png';
declare module '*.gif';
declare module '*.jpg';
declare module '*.jpeg';
declare module '*.svg';
declare module '*.css';
declare module '*.scss';

/** Injected by `defineConstants` in config/index.ts: '' (same origin) for h5, an absolute URL for weapp. */
declare const API_BASE_URL: string;

declare namespace NodeJS {
  interface ProcessEnv {
    NODE_ENV: 'development' | 'production';
    /** The platform being built. */
    TARO_ENV: 'weapp' | 'swan' | 'alipay' | 'h5' | 'rn' | 'tt' | 'qq' | 'jd' | 'harmony' | 'jdrn';
    /** Mini-program appid override (Taro reads it from .env files). */
    TARO_APP_ID: string;
    /** API origin baked into the weapp build, default http://127.0.0.1:8080. */
    TARO_APP_API_BASE_URL?: string;
  }
}
