/** UI strings of the trust area: the write form without script, the offline page. */
export const trust = {
  'zh-CN': {
    'trust.write.noscript': '当前未运行脚本：下载按钮不会有任何反应，所填内容也不会发送到任何地方。',
    'offline.title': '离线',
    'offline.lead': '网络不可用，这个页面还没有保存在本机，暂时无法打开。',
    'offline.available': '以下页面已保存在本机，离线也可以打开：',
    'offline.none': '本机还没有保存任何页面。联网时打开过的页面会自动保存。',
    'offline.retry': '联网后刷新本页即可继续。',
  },
  en: {
    'trust.write.noscript': 'Scripts are not running: the download buttons do nothing, and nothing you type is sent anywhere.',
    'offline.title': 'Offline',
    'offline.lead': 'The network is unavailable and this page has not been saved on this device yet.',
    'offline.available': 'These pages are saved on this device and open offline:',
    'offline.none': 'No pages are saved on this device yet. Pages you open while online are saved automatically.',
    'offline.retry': 'Reload this page once you are back online.',
  },
} as const;
