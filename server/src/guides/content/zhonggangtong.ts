import type { GuideContent, ChannelContent } from './types';

/** Renewal guides for the 中港通卡 (balance in CNY), written from GUIDE-FACTS. */
export const zhonggangtongGuides: GuideContent[] = [
  {
    slug: 'zhonggangtong-online',
    card: 'zhonggangtong',
    kind: 'online',
    title: {
      'zh-Hans': '中港通卡网上续费（官方App）',
      'zh-Hant': '中港通卡網上續費（官方App）',
      en: 'Zhonggangtong Card: top up in the app',
    },
    summary: {
      'zh-Hans': '在官方App注册并绑定卡片，用微信支付或支付宝充值，通常几分钟内到账。',
      'zh-Hant': '在官方App註冊並綁定卡片，以微信支付或支付寶增值，一般幾分鐘內到賬。',
      en: 'Register in the official app, add your card and pay with WeChat Pay or Alipay. The money usually arrives within minutes.',
    },
    prerequisites: [
      {
        'zh-Hans': '一部可安装App的手机（iOS或安卓）',
        'zh-Hant': '一部可安裝App的手機（iOS或Android）',
        en: 'A phone (iOS or Android) that can install apps',
      },
      {
        'zh-Hans': '中港通卡及卡号',
        'zh-Hant': '中港通卡及卡號',
        en: 'Your Zhonggangtong Card and its card number',
      },
      {
        'zh-Hans': '车辆的车牌号码',
        'zh-Hant': '車輛的車牌號碼',
        en: "Your vehicle's plate number",
      },
      {
        'zh-Hans': '持卡人身份证件，以及一张清晰的证件照片',
        'zh-Hant': '持卡人身份證明文件，以及一張清晰的證件相片',
        en: "The cardholder's ID card and a clear photo of it",
      },
      {
        'zh-Hans': '可用的支付方式，如微信支付或支付宝',
        'zh-Hant': '可用的付款方式，例如微信支付或支付寶',
        en: 'A way to pay, such as WeChat Pay or Alipay',
      },
    ],
    steps: [
      {
        title: {
          'zh-Hans': '安装官方App',
          'zh-Hant': '安裝官方App',
          en: 'Install the official app',
        },
        detail: {
          'zh-Hans': '在手机应用商店（iOS或安卓）搜索“中港通卡”，确认是官方发布的App后再下载安装。',
          'zh-Hant': '在手機的應用程式商店（iOS或Android）搜尋「中港通卡」，確認是官方發佈的App才下載安裝。',
          en: "Search your phone's app store (iOS or Android) for 中港通卡. Make sure it is the official app before you install it.",
        },
      },
      {
        title: {
          'zh-Hans': '注册并登录账户',
          'zh-Hant': '註冊並登入賬戶',
          en: 'Register and log in',
        },
        detail: {
          'zh-Hans': '按提示注册。已绑定银行卡或已完成实名认证的用户可直接登录；否则按提示填写资料，激活账户。',
          'zh-Hant': '按提示註冊。已綁定銀行卡或已完成實名認證的用戶可直接登入；否則按提示填寫資料，啟用賬戶。',
          en: 'Follow the prompts to register. If you have already linked a bank card or passed real-name verification, just log in; otherwise fill in your details to activate the account.',
        },
      },
      {
        title: {
          'zh-Hans': '绑定中港通卡',
          'zh-Hant': '綁定中港通卡',
          en: 'Add your card',
        },
        detail: {
          'zh-Hans': '打开“添加卡片”页面，输入卡号和车牌号码，再上传持卡人身份证件照片完成验证。',
          'zh-Hant': '打開「添加卡片」頁面，輸入卡號及車牌號碼，再上載持卡人身份證明文件相片完成核實。',
          en: "Open Add card, enter the card number and your vehicle's plate number, then upload a photo of the cardholder's ID card for verification.",
        },
        menuPath: [
          { 'zh-Hans': '我的账户', 'zh-Hant': '我的賬戶', en: 'My account' },
          { 'zh-Hans': '添加卡片', 'zh-Hant': '添加卡片', en: 'Add card' },
        ],
      },
      {
        title: {
          'zh-Hans': '选择支付方式',
          'zh-Hant': '選擇付款方式',
          en: 'Choose how to pay',
        },
        detail: {
          'zh-Hans': '进入充值页面，选择微信支付、支付宝或其他常用支付方式。',
          'zh-Hant': '進入增值頁面，選擇微信支付、支付寶或其他常用付款方式。',
          en: 'On the top-up page, pick WeChat Pay, Alipay or another common payment method.',
        },
      },
      {
        title: {
          'zh-Hans': '输入金额并支付',
          'zh-Hant': '輸入金額並付款',
          en: 'Enter the amount and pay',
        },
        detail: {
          'zh-Hans': '输入充值金额，核对卡号、车牌和金额无误后，点击“立即支付”。通常几分钟内到账，视网络情况而定。',
          'zh-Hant': '輸入增值金額，核對卡號、車牌及金額無誤後，按「立即支付」。一般幾分鐘內到賬，視乎網絡情況。',
          en: 'Enter the amount, check the card number, plate and amount, then tap Pay now (立即支付). The money usually arrives within a few minutes, depending on the network.',
        },
        menuPath: [{ 'zh-Hans': '立即支付', 'zh-Hant': '立即支付', en: 'Pay now' }],
      },
    ],
    tips: [
      {
        'zh-Hans': '付款前逐项核对卡号、车牌和金额，确认无误再支付。',
        'zh-Hant': '付款前逐項核對卡號、車牌及金額，確認無誤才付款。',
        en: 'Check the card number, plate and amount one by one before you pay.',
      },
      {
        'zh-Hans': '到账一般需要几分钟，网络较慢时请耐心等待，不要重复支付。',
        'zh-Hant': '到賬一般需時幾分鐘，網絡較慢時請耐心等候，切勿重複付款。',
        en: 'Crediting takes a few minutes and can be slower on a weak network. Wait rather than paying twice.',
      },
      {
        'zh-Hans': '拍证件照片时保持四角完整、字迹清晰，可减少验证不通过的情况。',
        'zh-Hant': '拍攝證件相片時要四角完整、字體清晰，以免核實不成功。',
        en: 'Photograph your ID with all four corners in view and the text sharp, so verification goes through first time.',
      },
      {
        'zh-Hans': '证件照片只在官方App内上传，不要发给任何人。',
        'zh-Hant': '證件相片只在官方App內上載，切勿傳送給任何人。',
        en: 'Upload your ID photo only inside the official app. Never send it to anyone.',
      },
    ],
    updatedAt: '2026-11-25',
  },
  {
    slug: 'zhonggangtong-offline',
    card: 'zhonggangtong',
    kind: 'offline',
    title: {
      'zh-Hans': '中港通卡线下充值',
      'zh-Hant': '中港通卡親身增值',
      en: 'Zhonggangtong Card: top up in person',
    },
    summary: {
      'zh-Hans': '不方便用App时，可到高速收费站服务窗口、合作银行网点或自助服务机充值。',
      'zh-Hant': '不方便用App時，可到高速公路收費站服務窗口、合作銀行分行或自助服務機增值。',
      en: "If the app isn't for you, top up at a highway toll station service window, a partner bank branch or a self-service kiosk.",
    },
    prerequisites: [
      {
        'zh-Hans': '中港通卡',
        'zh-Hant': '中港通卡',
        en: 'Your Zhonggangtong Card',
      },
      {
        'zh-Hans': '有效身份证件（到银行网点办理时需要）',
        'zh-Hant': '有效身份證明文件（到銀行分行辦理時需要）',
        en: 'Valid ID (needed at bank branches)',
      },
      {
        'zh-Hans': '付款方式（可用方式以现场为准）',
        'zh-Hant': '付款方式（可用方式以現場為準）',
        en: 'A way to pay (accepted methods vary by place)',
      },
    ],
    steps: [
      {
        title: {
          'zh-Hans': '选择充值渠道',
          'zh-Hant': '選擇增值渠道',
          en: 'Choose where to go',
        },
        detail: {
          'zh-Hans':
            '大多数高速收费站设有服务窗口；也可去合作银行网点（如中国银行、中国建设银行），或商场、地铁站等地的自助服务机。',
          'zh-Hant':
            '大部分高速公路收費站設有服務窗口；亦可到合作銀行分行（如中國銀行、中國建設銀行），或商場、地鐵站等地的自助服務機。',
          en: 'Most highway toll stations have a service window. You can also visit a partner bank branch (such as Bank of China or China Construction Bank) or a kiosk in a mall or metro station.',
        },
      },
      {
        title: {
          'zh-Hans': '带齐所需物品',
          'zh-Hant': '帶齊所需物品',
          en: 'Bring what you need',
        },
        detail: {
          'zh-Hans':
            '带上中港通卡和付款方式；去银行网点还要带有效身份证件。各渠道接受的付款方式可能不同，可先向工作人员确认。',
          'zh-Hant':
            '帶備中港通卡及付款方式；到銀行分行亦要帶有效身份證明文件。各渠道接受的付款方式或有不同，可先向職員查詢。',
          en: 'Take your card and a way to pay, plus valid ID for a bank branch. Accepted payment methods can differ, so ask the staff if unsure.',
        },
      },
      {
        title: {
          'zh-Hans': '在现场办理充值',
          'zh-Hant': '在現場辦理增值',
          en: 'Top up on the spot',
        },
        detail: {
          'zh-Hans': '向工作人员出示卡片并说明充值金额，或在自助服务机上按屏幕提示操作。付款前核对卡号和金额。',
          'zh-Hant': '向職員出示卡片並說明增值金額，或在自助服務機按螢幕指示操作。付款前核對卡號及金額。',
          en: 'Show the card to the staff and say how much to add, or follow the screen at a kiosk. Check the card number and amount before paying.',
        },
      },
      {
        title: {
          'zh-Hans': '保留凭证，核对余额',
          'zh-Hant': '保留收據，核對餘額',
          en: 'Keep the receipt, check the balance',
        },
        detail: {
          'zh-Hans': '收好回单或小票。之后在官方App查看余额，确认已增加相应金额。',
          'zh-Hant': '收好收據。之後在官方App查看餘額，確認已增加相應金額。',
          en: 'Keep the receipt. Afterwards, check the balance in the official app to make sure the amount was added.',
        },
      },
    ],
    tips: [
      {
        'zh-Hans': '节假日前收费站和网点可能较繁忙，尽量提前办理。',
        'zh-Hant': '公眾假期前收費站及分行可能較繁忙，盡量提早辦理。',
        en: 'Toll stations and branches can be busy before public holidays, so go early.',
      },
      {
        'zh-Hans': '当场核对凭证上的卡号和金额，有误马上向工作人员反映。',
        'zh-Hant': '即場核對收據上的卡號及金額，如有錯誤立即通知職員。',
        en: 'Check the card number and amount on the receipt right away and tell the staff at once if anything is wrong.',
      },
      {
        'zh-Hans': '如有陌生人主动上前提出“帮您充值”，一律拒绝。',
        'zh-Hant': '如有陌生人主動上前說可「代為增值」，一概拒絕。',
        en: 'If a stranger offers to top up for you, say no.',
      },
    ],
    updatedAt: '2026-11-25',
  },
  {
    slug: 'zhonggangtong-tips',
    card: 'zhonggangtong',
    kind: 'tips',
    title: {
      'zh-Hans': '中港通卡续费小贴士',
      'zh-Hant': '中港通卡續費貼士',
      en: 'Zhonggangtong Card: top-up tips',
    },
    summary: {
      'zh-Hans': '养成四个好习惯，让人民币余额不会在收费车道前用完。',
      'zh-Hant': '養成四個好習慣，人民幣餘額就不會在收費車道前用完。',
      en: 'Four habits that keep your CNY balance from running out at a toll lane.',
    },
    prerequisites: [],
    steps: [
      {
        title: {
          'zh-Hans': '定期查看余额',
          'zh-Hant': '定期查看餘額',
          en: 'Check your balance regularly',
        },
        detail: {
          'zh-Hans': '中港通卡余额以人民币计，余额不足可能在收费车道被拦下。节假日前车流量大，记得提前查看并充值。',
          'zh-Hant': '中港通卡餘額以人民幣計算，餘額不足或會在收費車道受阻。公眾假期前車流多，記得提早查看及增值。',
          en: 'Your Zhonggangtong balance is in CNY, and a low balance can stop you at a toll lane. Traffic is heavy before public holidays, so check and top up early.',
        },
      },
      {
        title: {
          'zh-Hans': '按出行频率定充值周期',
          'zh-Hant': '按行車次數定增值週期',
          en: 'Plan a top-up cycle',
        },
        detail: {
          'zh-Hans': '每周都过境的车主，大约每周查一次余额；偶尔才开车过境的，按需充值即可。',
          'zh-Hant': '每星期都過境的車主，大約每星期查一次餘額；間中才駕車過境的，有需要時增值便可。',
          en: 'If you cross every week, check about once a week. If you only drive across now and then, top up when you need to.',
        },
      },
      {
        title: {
          'zh-Hans': '保留每一笔充值记录',
          'zh-Hant': '保留每次增值紀錄',
          en: 'Keep every top-up record',
        },
        detail: {
          'zh-Hans': '短信通知、电子回执和线下凭证都要保存好。万一出现问题，这些就是您的凭证。',
          'zh-Hant': '短訊通知、電郵收據及實體收據都要好好保存。萬一出現問題，這些就是您的證明。',
          en: 'Save the SMS notices, e-mail receipts and paper receipts. If something goes wrong, they are your evidence.',
        },
      },
      {
        title: {
          'zh-Hans': '只通过官方渠道充值',
          'zh-Hant': '只經官方渠道增值',
          en: 'Use official channels only',
        },
        detail: {
          'zh-Hans': '只用官方App或官方线下渠道充值。不要把钱转给陌生人、聊天群或自称“续费代理”的人。',
          'zh-Hant': '只用官方App或官方線下渠道增值。切勿把錢轉給陌生人、聊天群組或自稱「續費代理」的人。',
          en: 'Top up only in the official app or at official counters and kiosks. Never pay a stranger, a chat group or a so-called "renewal agent".',
        },
      },
    ],
    tips: [
      {
        'zh-Hans': '可在手机日历设一个固定提醒，到时间就查一下余额。',
        'zh-Hant': '可在手機日曆設定固定提示，到時便查一查餘額。',
        en: 'Set a repeating reminder in your phone calendar to check the balance.',
      },
      {
        'zh-Hans': '有人提出“优惠代充”时，不要付款，也不要提供卡号或证件。',
        'zh-Hant': '有人聲稱可「優惠代增值」時，切勿付款，亦不要提供卡號或證件。',
        en: 'If someone offers a "discounted top-up", do not pay and do not share your card number or ID.',
      },
    ],
    updatedAt: '2026-11-25',
  },
];

/** Offline renewal channels for the 中港通卡. */
export const zhonggangtongChannels: ChannelContent[] = [
  {
    id: 'zhonggangtong-toll-station',
    card: 'zhonggangtong',
    kind: 'toll-station',
    name: {
      'zh-Hans': '高速收费站服务窗口',
      'zh-Hant': '高速公路收費站服務窗口',
      en: 'Toll station service window',
    },
    summary: {
      'zh-Hans': '广东大多数高速收费站设有服务窗口，工作人员可解答问题并现场充值。',
      'zh-Hant': '廣東大部分高速公路收費站設有服務窗口，職員可解答疑問並即場增值。',
      en: 'Most highway toll stations in Guangdong have a service window where staff answer questions and top up on the spot.',
    },
    bring: [
      { 'zh-Hans': '中港通卡', 'zh-Hant': '中港通卡', en: 'Your Zhonggangtong Card' },
      {
        'zh-Hans': '付款方式（可用方式以现场为准）',
        'zh-Hant': '付款方式（可用方式以現場為準）',
        en: 'A way to pay (ask which methods are accepted)',
      },
    ],
    steps: [
      {
        'zh-Hans': '按现场指示把车停在安全位置，再步行到服务窗口。',
        'zh-Hant': '按現場指示把車停在安全位置，再步行到服務窗口。',
        en: 'Park where the signs or staff allow, then walk to the service window.',
      },
      {
        'zh-Hans': '出示中港通卡，说明要充值的金额。',
        'zh-Hant': '出示中港通卡，說明要增值的金額。',
        en: 'Show your card and say how much you want to add.',
      },
      {
        'zh-Hans': '按工作人员指引付款。',
        'zh-Hant': '按職員指示付款。',
        en: 'Pay as the staff instruct.',
      },
      {
        'zh-Hans': '核对凭证上的卡号和金额，并收好凭证。',
        'zh-Hant': '核對收據上的卡號及金額，並收好收據。',
        en: 'Check the card number and amount on the receipt, and keep it.',
      },
    ],
    tips: [
      {
        'zh-Hans': '并非每个收费站都有服务窗口，可留意官方公告或向工作人员确认。',
        'zh-Hant': '並非每個收費站都設服務窗口，可留意官方公告或向職員查詢。',
        en: 'Not every toll station has a window; check official notices or ask the staff.',
      },
      {
        'zh-Hans': '用卡有疑问，也可以在窗口直接咨询。',
        'zh-Hant': '用卡有疑問，亦可在窗口直接查詢。',
        en: 'You can ask the window staff about any other card problems too.',
      },
    ],
  },
  {
    id: 'zhonggangtong-bank-branch',
    card: 'zhonggangtong',
    kind: 'bank-branch',
    name: {
      'zh-Hans': '合作银行网点',
      'zh-Hant': '合作銀行分行',
      en: 'Partner bank branch',
    },
    summary: {
      'zh-Hans': '可到中国银行、中国建设银行等合作银行网点充值，记得带有效身份证件。',
      'zh-Hant': '可到中國銀行、中國建設銀行等合作銀行分行增值，記得帶備有效身份證明文件。',
      en: 'Top up at a partner bank branch, such as Bank of China or China Construction Bank. Bring valid ID.',
    },
    bring: [
      { 'zh-Hans': '中港通卡', 'zh-Hant': '中港通卡', en: 'Your Zhonggangtong Card' },
      { 'zh-Hans': '有效身份证件', 'zh-Hant': '有效身份證明文件', en: 'Valid ID' },
      {
        'zh-Hans': '银行卡或其他付款方式',
        'zh-Hant': '銀行卡或其他付款方式',
        en: 'A bank card or another way to pay',
      },
    ],
    steps: [
      {
        'zh-Hans': '先确认该网点可办理中港通卡充值。',
        'zh-Hant': '先確認該分行可辦理中港通卡增值。',
        en: 'Make sure the branch handles Zhonggangtong Card top-ups.',
      },
      {
        'zh-Hans': '取号排队，到柜台说明来意。',
        'zh-Hant': '取籌輪候，到櫃位說明來意。',
        en: 'Take a queue number and tell the counter staff what you need.',
      },
      {
        'zh-Hans': '出示卡片和身份证件，告知金额并付款。',
        'zh-Hant': '出示卡片及身份證明文件，告知金額並付款。',
        en: 'Show your card and ID, give the amount and pay.',
      },
      {
        'zh-Hans': '核对回单上的卡号和金额，并妥善保存。',
        'zh-Hant': '核對收據上的卡號及金額，並妥善保存。',
        en: 'Check the card number and amount on the slip, and keep it safe.',
      },
    ],
    tips: [
      {
        'zh-Hans': '合作银行及可办理的网点以官方公告为准。',
        'zh-Hant': '合作銀行及可辦理的分行以官方公告為準。',
        en: 'Which banks and branches take part is set out in official notices.',
      },
      {
        'zh-Hans': '各网点营业时间不同，出发前先确认。',
        'zh-Hant': '各分行辦公時間不同，出發前先確認。',
        en: 'Opening hours vary by branch, so check before you go.',
      },
    ],
  },
  {
    id: 'zhonggangtong-kiosk',
    card: 'zhonggangtong',
    kind: 'kiosk',
    name: {
      'zh-Hans': '自助服务机',
      'zh-Hant': '自助服務機',
      en: 'Self-service kiosk',
    },
    summary: {
      'zh-Hans': '商场、地铁站等人流多的地方设有自助服务机，可自行充值。',
      'zh-Hant': '商場、地鐵站等人流多的地方設有自助服務機，可自行增值。',
      en: 'Self-service kiosks in malls, metro stations and other busy places let you top up by yourself.',
    },
    bring: [
      { 'zh-Hans': '中港通卡', 'zh-Hant': '中港通卡', en: 'Your Zhonggangtong Card' },
      {
        'zh-Hans': '付款方式（以机器显示为准）',
        'zh-Hant': '付款方式（以機器顯示為準）',
        en: 'A way to pay (the screen shows what is accepted)',
      },
    ],
    steps: [
      {
        'zh-Hans': '找到可办理中港通卡充值的自助服务机。',
        'zh-Hant': '找一部可辦理中港通卡增值的自助服務機。',
        en: 'Find a kiosk that handles Zhonggangtong Card top-ups.',
      },
      {
        'zh-Hans': '按屏幕提示放入或感应卡片。',
        'zh-Hant': '按螢幕指示放入或拍卡。',
        en: 'Insert or tap your card as the screen tells you.',
      },
      {
        'zh-Hans': '选择金额和支付方式，完成付款。',
        'zh-Hant': '選擇金額及付款方式，完成付款。',
        en: 'Choose the amount and payment method, then pay.',
      },
      {
        'zh-Hans': '确认屏幕显示充值成功，取回卡片和凭条。',
        'zh-Hant': '確認螢幕顯示增值成功，取回卡片及收據。',
        en: 'Wait for the success screen, then take your card and receipt.',
      },
    ],
    tips: [
      {
        'zh-Hans': '付款后机器无反应时不要重复付款；拍下屏幕、保留付款记录，再向官方客服反映。',
        'zh-Hant': '付款後機器無反應，切勿重複付款；拍下螢幕、保留付款紀錄，再向官方客戶服務反映。',
        en: 'If the kiosk freezes after you pay, do not pay again. Photograph the screen, keep the payment record and contact official customer service.',
      },
      {
        'zh-Hans': '操作时留意身边，不要接受陌生人“帮忙”。',
        'zh-Hant': '操作時留意身邊，不要接受陌生人「幫忙」。',
        en: 'Watch your surroundings and do not accept "help" from strangers.',
      },
    ],
  },
];
