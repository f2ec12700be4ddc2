import type { GuideContent, ChannelContent } from './types';

/** Renewal guides for the 遠遊卡 (balance in HKD), written from GUIDE-FACTS. */
export const yuanyouGuides: GuideContent[] = [
  {
    slug: 'yuanyou-online',
    card: 'yuanyou',
    kind: 'online',
    title: {
      'zh-Hans': '远游卡网上续费（官网/小程序）',
      'zh-Hant': '遠遊卡網上續費（官網／小程式）',
      en: 'Yuanyou Card: top up online',
    },
    summary: {
      'zh-Hans': '在官方网站或官方微信小程序登录账户，选好金额后用银联卡或信用卡付款。',
      'zh-Hant': '在官方網站或官方微信小程式登入賬戶，揀選金額後以銀聯卡或信用卡付款。',
      en: 'Log in on the official website or WeChat mini-program, pick an amount and pay by UnionPay or credit card.',
    },
    prerequisites: [
      {
        'zh-Hans': '一部手机（可使用微信）',
        'zh-Hant': '一部手機（可使用微信）',
        en: 'A phone with WeChat',
      },
      {
        'zh-Hans': '手机号码和电子邮箱（新用户注册时需要）',
        'zh-Hant': '手機號碼及電郵地址（新用戶註冊時需要）',
        en: 'A mobile number and an e-mail address (for new users)',
      },
      {
        'zh-Hans': '账户密码（老用户还需用户名）',
        'zh-Hant': '賬戶密碼（舊用戶亦需用戶名稱）',
        en: 'Your password (and username, if you already have an account)',
      },
      {
        'zh-Hans': '远游卡及卡号',
        'zh-Hant': '遠遊卡及卡號',
        en: 'Your Yuanyou Card and its card number',
      },
      {
        'zh-Hans': '银联卡、信用卡等付款方式',
        'zh-Hant': '銀聯卡、信用卡等付款方式',
        en: 'A UnionPay card, credit card or another way to pay',
      },
    ],
    steps: [
      {
        title: {
          'zh-Hans': '打开官网或小程序',
          'zh-Hant': '打開官網或小程式',
          en: 'Open the website or mini-program',
        },
        detail: {
          'zh-Hans':
            '官方网站可查看最新消息；官方微信小程序可随时随地查余额、充值。在微信搜索“远游卡”，认准官方小程序。',
          'zh-Hant':
            '官方網站可查看最新消息；官方微信小程式可隨時隨地查餘額及增值。在微信搜尋「遠遊卡」，認清是官方小程式。',
          en: 'The official website carries the latest news; the official WeChat mini-program lets you check your balance and top up anywhere. Search WeChat for 遠遊卡 and make sure you open the official one.',
        },
      },
      {
        title: {
          'zh-Hans': '注册或登录',
          'zh-Hant': '註冊或登入',
          en: 'Register or log in',
        },
        detail: {
          'zh-Hans': '新用户先用手机号码、电子邮箱和密码注册；老用户直接用用户名和密码登录。',
          'zh-Hant': '新用戶先以手機號碼、電郵地址及密碼註冊；舊用戶直接以用戶名稱及密碼登入。',
          en: 'New users register first with a mobile number, an e-mail address and a password. Returning users log in with their username and password.',
        },
      },
      {
        title: {
          'zh-Hans': '查看账户余额',
          'zh-Hant': '查看賬戶餘額',
          en: 'Check your account',
        },
        detail: {
          'zh-Hans': '在“账户管理”查看余额和最近的交易记录。余额偏低时，就该充值了。',
          'zh-Hant': '在「賬戶管理」查看餘額及最近的交易紀錄。餘額偏低時，就是增值的時候。',
          en: 'Account management shows your balance and latest transactions. When the balance is running low, it is time to top up.',
        },
        menuPath: [{ 'zh-Hans': '账户管理', 'zh-Hant': '賬戶管理', en: 'Account management' }],
      },
      {
        title: {
          'zh-Hans': '选择充值金额',
          'zh-Hant': '揀選增值金額',
          en: 'Choose an amount',
        },
        detail: {
          'zh-Hans': '在充值页面选择金额。部分地区有限时优惠活动，请留意官方公告。',
          'zh-Hant': '在增值頁面揀選金額。部分地區設有限時優惠，請留意官方公告。',
          en: 'Pick an amount on the top-up page. Some regions run limited-time promotions, so keep an eye on official notices.',
        },
      },
      {
        title: {
          'zh-Hans': '按指引付款',
          'zh-Hant': '按指示付款',
          en: 'Pay as guided',
        },
        detail: {
          'zh-Hans': '可使用银联卡、信用卡等方式，按页面提示完成付款。付款前再核对一次卡号和金额。',
          'zh-Hant': '可使用銀聯卡、信用卡等方式，按頁面指示完成付款。付款前再核對一次卡號及金額。',
          en: 'Pay by UnionPay card, credit card or another listed method, following the prompts. Check the card number and amount once more before you confirm.',
        },
      },
    ],
    tips: [
      {
        'zh-Hans': '部分地区不定期推出限时优惠，充值前先看看官方公告。',
        'zh-Hant': '部分地區不時推出限時優惠，增值前先看看官方公告。',
        en: 'Some regions run limited-time offers from time to time; check official notices before topping up.',
      },
      {
        'zh-Hans': '远游卡有多种套餐，可按出行需要切换，具体以官方说明为准。',
        'zh-Hant': '遠遊卡提供多種套餐，可按出行需要轉換，詳情以官方說明為準。',
        en: 'The Yuanyou Card offers several plans (套餐) you can switch between to suit your travel; see the official details.',
      },
      {
        'zh-Hans': '付款后回到“账户管理”，确认余额和交易记录已更新。',
        'zh-Hant': '付款後回到「賬戶管理」，確認餘額及交易紀錄已更新。',
        en: 'After paying, go back to Account management and check that the balance and transactions have updated.',
      },
      {
        'zh-Hans': '密码只在官方网站或小程序内输入，不要告诉任何人。',
        'zh-Hant': '密碼只在官方網站或小程式內輸入，切勿告訴任何人。',
        en: 'Enter your password only on the official website or mini-program, and never tell it to anyone.',
      },
    ],
    updatedAt: '2026-11-25',
  },
  {
    slug: 'yuanyou-offline',
    card: 'yuanyou',
    kind: 'offline',
    title: {
      'zh-Hans': '远游卡线下充值',
      'zh-Hant': '遠遊卡親身增值',
      en: 'Yuanyou Card: top up in person',
    },
    summary: {
      'zh-Hans': '可到香港市区的客户服务中心、便利店柜台（如7-Eleven）或具备远程充值功能的银行ATM充值。',
      'zh-Hant': '可到香港市區的客戶服務中心、便利店櫃位（如7-Eleven）或設有遙距增值功能的銀行櫃員機增值。',
      en: 'Top up at the customer service centre in urban Hong Kong, a convenience store counter such as 7-Eleven, or a bank ATM with remote top-up.',
    },
    prerequisites: [
      {
        'zh-Hans': '远游卡，或记下卡号',
        'zh-Hant': '遠遊卡，或記下卡號',
        en: 'Your Yuanyou Card, or its card number written down',
      },
      {
        'zh-Hans': '付款方式（可用方式以现场为准）',
        'zh-Hant': '付款方式（可用方式以現場為準）',
        en: 'A way to pay (accepted methods vary by place)',
      },
      {
        'zh-Hans': '银行卡（使用ATM时需要）',
        'zh-Hant': '銀行卡（使用櫃員機時需要）',
        en: 'A bank card (for ATMs)',
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
            '问题较复杂时，去香港市区的客户服务中心；只想充值，可到便利店柜台（如7-Eleven）或具备远程充值功能的银行ATM。',
          'zh-Hant':
            '問題較複雜時，到香港市區的客戶服務中心；只想增值，可到便利店櫃位（如7-Eleven）或設有遙距增值功能的銀行櫃員機。',
          en: 'For a tricky problem, visit the customer service centre in urban Hong Kong. Just topping up? A convenience store counter (such as 7-Eleven) or a bank ATM with remote top-up will do.',
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
            '带上远游卡或卡号，以及付款方式；用ATM要带银行卡。去客户服务中心处理问题时，可带上身份证件和充值记录。',
          'zh-Hant':
            '帶備遠遊卡或卡號及付款方式；用櫃員機要帶銀行卡。到客戶服務中心處理問題時，可帶同身份證明文件及增值紀錄。',
          en: 'Take your card or card number and a way to pay, plus a bank card for an ATM. For a problem at the service centre, bring ID and your top-up records.',
        },
      },
      {
        title: {
          'zh-Hans': '在现场办理充值',
          'zh-Hant': '在現場辦理增值',
          en: 'Top up on the spot',
        },
        detail: {
          'zh-Hans': '在柜台出示卡号并说明金额；在ATM插入银行卡后按屏幕提示操作。付款前核对卡号和金额。',
          'zh-Hant': '在櫃位出示卡號並說明金額；在櫃員機插入銀行卡後按螢幕指示操作。付款前核對卡號及金額。',
          en: 'At a counter, show the card number and say the amount. At an ATM, insert your bank card and follow the screen. Check the card number and amount before paying.',
        },
      },
      {
        title: {
          'zh-Hans': '保留凭证，核对余额',
          'zh-Hant': '保留收據，核對餘額',
          en: 'Keep the receipt, check the balance',
        },
        detail: {
          'zh-Hans': '收好收据或交易凭条。之后在官方小程序的“账户管理”确认余额已更新。',
          'zh-Hant': '收好收據或交易通知書。之後在官方小程式的「賬戶管理」確認餘額已更新。',
          en: 'Keep the receipt or ATM slip. Afterwards, check in Account management in the official mini-program that the balance has updated.',
        },
      },
    ],
    tips: [
      {
        'zh-Hans': '公众假期前各渠道可能较繁忙，尽早办理。',
        'zh-Hant': '公眾假期前各渠道可能較繁忙，盡早辦理。',
        en: 'Counters can be busy before public holidays, so top up early.',
      },
      {
        'zh-Hans': '报卡号或输入卡号时逐位核对，确认无误再付款。',
        'zh-Hant': '報上或輸入卡號時逐個數字核對，確認無誤才付款。',
        en: 'Check the card number digit by digit before you pay.',
      },
      {
        'zh-Hans': '服务中心地址、营业时间及提供服务的门店，以官方公告为准。',
        'zh-Hant': '服務中心地址、辦公時間及提供服務的店舖，以官方公告為準。',
        en: 'For the service centre address, opening hours and which stores offer top-ups, follow official notices.',
      },
    ],
    updatedAt: '2026-11-25',
  },
  {
    slug: 'yuanyou-tips',
    card: 'yuanyou',
    kind: 'tips',
    title: {
      'zh-Hans': '远游卡续费小贴士',
      'zh-Hant': '遠遊卡續費貼士',
      en: 'Yuanyou Card: top-up tips',
    },
    summary: {
      'zh-Hans': '养成四个好习惯，让港币余额在内地、香港和澳门都够用。',
      'zh-Hant': '養成四個好習慣，港幣餘額在內地、香港及澳門都夠用。',
      en: 'Four habits that keep your HKD balance ready for the mainland, Hong Kong and Macau.',
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
          'zh-Hans': '远游卡余额以港币计，余额不足可能在收费车道被拦下。节假日前车流量大，记得提前查看并充值。',
          'zh-Hant': '遠遊卡餘額以港幣計算，餘額不足或會在收費車道受阻。公眾假期前車流多，記得提早查看及增值。',
          en: 'Your Yuanyou balance is in HKD, and a low balance can stop you at a toll lane. Traffic is heavy before public holidays, so check and top up early.',
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
          'zh-Hans': '短信通知、电子邮件回执和门店收据都要保存好。万一出现问题，这些就是您的凭证。',
          'zh-Hant': '短訊通知、電郵收據及店舖收據都要好好保存。萬一出現問題，這些就是您的證明。',
          en: 'Save the SMS notices, e-mail receipts and store receipts. If something goes wrong, they are your evidence.',
        },
      },
      {
        title: {
          'zh-Hans': '只通过官方渠道充值',
          'zh-Hant': '只經官方渠道增值',
          en: 'Use official channels only',
        },
        detail: {
          'zh-Hans': '只用官方网站、小程序或官方线下渠道充值。不要把钱转给陌生人、聊天群或自称“续费代理”的人。',
          'zh-Hant': '只用官方網站、小程式或官方線下渠道增值。切勿把錢轉給陌生人、聊天群組或自稱「續費代理」的人。',
          en: 'Top up only on the official website, the mini-program or official counters. Never pay a stranger, a chat group or a so-called "renewal agent".',
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
        'zh-Hans': '真正的优惠只见于官方公告；有人私下提出“优惠代充”，一律不要付款。',
        'zh-Hant': '真正的優惠只會見於官方公告；有人私下聲稱可「優惠代增值」，一概不要付款。',
        en: 'Real promotions appear in official notices. If someone privately offers a "discounted top-up", do not pay.',
      },
    ],
    updatedAt: '2026-11-25',
  },
];

/** Offline renewal channels for the 遠遊卡. */
export const yuanyouChannels: ChannelContent[] = [
  {
    id: 'yuanyou-service-centre',
    card: 'yuanyou',
    kind: 'service-centre',
    name: {
      'zh-Hans': '香港客户服务中心',
      'zh-Hant': '香港客戶服務中心',
      en: 'Hong Kong customer service centre',
    },
    summary: {
      'zh-Hans': '位于香港市区，最适合处理较复杂的问题，工作人员也可帮您充值。',
      'zh-Hant': '位於香港市區，最適合處理較複雜的問題，職員亦可代為增值。',
      en: 'In urban Hong Kong; the best place for complicated problems, and staff can top up your card too.',
    },
    bring: [
      { 'zh-Hans': '远游卡', 'zh-Hant': '遠遊卡', en: 'Your Yuanyou Card' },
      { 'zh-Hans': '有效身份证件', 'zh-Hant': '有效身份證明文件', en: 'Valid ID' },
      {
        'zh-Hans': '付款方式（可用方式以现场为准）',
        'zh-Hant': '付款方式（可用方式以現場為準）',
        en: 'A way to pay (ask which methods are accepted)',
      },
      {
        'zh-Hans': '相关充值记录（如需处理问题）',
        'zh-Hant': '相關增值紀錄（如需處理問題）',
        en: 'Your top-up records, if you have a problem to sort out',
      },
    ],
    steps: [
      {
        'zh-Hans': '先从官方公告确认服务中心地址和营业时间。',
        'zh-Hant': '先從官方公告確認服務中心地址及辦公時間。',
        en: "Check the centre's address and opening hours in official notices.",
      },
      {
        'zh-Hans': '带齐卡片、证件和相关记录前往。',
        'zh-Hant': '帶齊卡片、證件及相關紀錄前往。',
        en: 'Go with your card, ID and any records.',
      },
      {
        'zh-Hans': '向工作人员说明问题，或告知要充值的金额。',
        'zh-Hant': '向職員說明問題，或告知要增值的金額。',
        en: 'Explain your problem, or say how much you want to add.',
      },
      {
        'zh-Hans': '按指引付款或办理，收好收据。',
        'zh-Hant': '按指示付款或辦理，收好收據。',
        en: 'Pay or complete the request as guided, and keep the receipt.',
      },
    ],
    tips: [
      {
        'zh-Hans': '余额、扣费或套餐有疑问时，首选客户服务中心。',
        'zh-Hant': '餘額、扣款或套餐有疑問時，首選客戶服務中心。',
        en: 'Questions about your balance, charges or plan? The service centre is your best bet.',
      },
      {
        'zh-Hans': '出发前把问题和发生时间写下来，沟通更顺畅。',
        'zh-Hant': '出發前把問題及發生時間寫低，溝通更順暢。',
        en: 'Write down the problem and when it happened before you go.',
      },
    ],
  },
  {
    id: 'yuanyou-convenience-store',
    card: 'yuanyou',
    kind: 'convenience-store',
    name: {
      'zh-Hans': '便利店柜台',
      'zh-Hant': '便利店櫃位',
      en: 'Convenience store counter',
    },
    summary: {
      'zh-Hans': '可到7-Eleven等便利店柜台充值，向店员出示卡号即可。',
      'zh-Hant': '可到7-Eleven等便利店櫃位增值，向店員出示卡號便可。',
      en: 'Top up at convenience store counters such as 7-Eleven by showing your card number.',
    },
    bring: [
      {
        'zh-Hans': '远游卡，或记下的卡号',
        'zh-Hant': '遠遊卡，或記下的卡號',
        en: 'Your Yuanyou Card, or its number written down',
      },
      {
        'zh-Hans': '付款方式（以店内为准）',
        'zh-Hant': '付款方式（以店內為準）',
        en: 'A way to pay (ask in store)',
      },
    ],
    steps: [
      {
        'zh-Hans': '到提供远游卡充值的便利店，如7-Eleven。',
        'zh-Hant': '到提供遠遊卡增值服務的便利店，如7-Eleven。',
        en: 'Go to a convenience store that offers Yuanyou top-ups, such as 7-Eleven.',
      },
      {
        'zh-Hans': '告诉店员要为远游卡充值，并出示卡号。',
        'zh-Hant': '告訴店員要為遠遊卡增值，並出示卡號。',
        en: 'Tell the cashier you want to top up a Yuanyou Card and show the card number.',
      },
      {
        'zh-Hans': '说明金额并付款。',
        'zh-Hant': '說明金額並付款。',
        en: 'Say the amount and pay.',
      },
      {
        'zh-Hans': '核对收据上的卡号和金额，并收好收据。',
        'zh-Hant': '核對收據上的卡號及金額，並收好收據。',
        en: 'Check the card number and amount on the receipt, and keep it.',
      },
    ],
    tips: [
      {
        'zh-Hans': '不一定每家门店都提供此服务，以官方公告为准。',
        'zh-Hant': '未必每間分店都提供此服務，以官方公告為準。',
        en: 'Not every store may offer this; official notices list where you can go.',
      },
      {
        'zh-Hans': '收据就是充值凭证，请妥善保存。',
        'zh-Hant': '收據就是增值證明，請妥善保存。',
        en: 'The receipt is your proof of payment, so keep it safe.',
      },
    ],
  },
  {
    id: 'yuanyou-atm',
    card: 'yuanyou',
    kind: 'atm',
    name: {
      'zh-Hans': '银行ATM远程充值',
      'zh-Hant': '銀行櫃員機遙距增值',
      en: 'Bank ATM remote top-up',
    },
    summary: {
      'zh-Hans': '在具备远程充值功能的银行ATM插入银行卡，按屏幕提示即可为远游卡充值。',
      'zh-Hant': '在設有遙距增值功能的銀行櫃員機插入銀行卡，按螢幕指示便可為遠遊卡增值。',
      en: 'At a bank ATM with a remote top-up function, insert your bank card and follow the screen.',
    },
    bring: [
      { 'zh-Hans': '银行卡', 'zh-Hant': '銀行卡', en: 'Your bank card' },
      { 'zh-Hans': '远游卡卡号', 'zh-Hant': '遠遊卡卡號', en: 'Your Yuanyou Card number' },
    ],
    steps: [
      {
        'zh-Hans': '找一台具备远程充值功能的银行ATM。',
        'zh-Hant': '找一部設有遙距增值功能的銀行櫃員機。',
        en: 'Find a bank ATM that offers remote top-up.',
      },
      {
        'zh-Hans': '插入银行卡并输入密码。',
        'zh-Hant': '插入銀行卡並輸入私人密碼。',
        en: 'Insert your bank card and enter your PIN.',
      },
      {
        'zh-Hans': '按屏幕提示选择充值服务，输入远游卡卡号和金额。',
        'zh-Hant': '按螢幕指示選擇增值服務，輸入遠遊卡卡號及金額。',
        en: 'Follow the screen to the top-up service and enter your card number and amount.',
      },
      {
        'zh-Hans': '核对卡号和金额后确认。',
        'zh-Hant': '核對卡號及金額後確認。',
        en: 'Check the card number and amount, then confirm.',
      },
      {
        'zh-Hans': '取回银行卡和交易凭条。',
        'zh-Hant': '取回銀行卡及交易通知書。',
        en: 'Take back your bank card and the slip.',
      },
    ],
    tips: [
      {
        'zh-Hans': '输入密码时遮挡键盘，不要让陌生人“帮忙”操作。',
        'zh-Hant': '輸入密碼時遮擋鍵盤，不要讓陌生人「幫忙」操作。',
        en: 'Cover the keypad when entering your PIN, and never let a stranger "help".',
      },
      {
        'zh-Hans': '支持此功能的银行和ATM以官方公告为准。',
        'zh-Hant': '支援此功能的銀行及櫃員機以官方公告為準。',
        en: 'Official notices say which banks and ATMs support this.',
      },
    ],
  },
];
