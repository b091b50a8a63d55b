package org.recoup.app.demo;

/**
 * The small vocabularies the {@link PortfolioGenerator} draws from: regions, names, streets, communities, creditors.
 * Every phone number, e-mail domain and company made from these is fictitious: US numbers use the 555-01XX range,
 * UK numbers the Ofcom drama ranges, e-mails the reserved {@code example.*} domains, creditors are "Example …".
 * Chinese mobile numbers have no reserved range; they are shaped like real ones (as in the contract's sample).
 */
final class DemoTables {

    private DemoTables() {
    }

    static final int CN = 0;
    static final int US = 1;
    static final int UK = 2;

    static final String[] JURISDICTIONS = {"CN", "US", "UK"};
    static final String[] CURRENCIES = {"CNY", "USD", "GBP"};

    /**
     * A place a party lives in.
     *
     * @param name       the region column (city in CN, state code in US, area in UK)
     * @param zone       IANA zone of the place
     * @param code       CN: administrative division code (ID numbers); US: ZIP prefix; UK: postcode area
     * @param areaCodes  phone area codes (CN with leading 0; US three digits; UK the drama-range landline prefix)
     * @param place      CN: address prefix (province, city, district); US/UK: the city
     */
    record Region(int jurisdiction, String name, String zone, String code, String[] areaCodes, String place) {
    }

    static final String SHANGHAI = "Asia/Shanghai";
    static final String URUMQI = "Asia/Urumqi";
    static final String NEW_YORK = "America/New_York";
    static final String LOS_ANGELES = "America/Los_Angeles";
    static final String LONDON = "Europe/London";

    /** Eastern China (Asia/Shanghai); common first. */
    static final Region[] CN_EAST = {
            new Region(CN, "北京", SHANGHAI, "110105", new String[] {"010"}, "北京市朝阳区"),
            new Region(CN, "上海", SHANGHAI, "310104", new String[] {"021"}, "上海市徐汇区"),
            new Region(CN, "深圳", SHANGHAI, "440305", new String[] {"0755"}, "广东省深圳市南山区"),
            new Region(CN, "广州", SHANGHAI, "440106", new String[] {"020"}, "广东省广州市天河区"),
            new Region(CN, "杭州", SHANGHAI, "330106", new String[] {"0571"}, "浙江省杭州市西湖区"),
            new Region(CN, "南京", SHANGHAI, "320102", new String[] {"025"}, "江苏省南京市玄武区"),
            new Region(CN, "成都", SHANGHAI, "510104", new String[] {"028"}, "四川省成都市锦江区"),
            new Region(CN, "武汉", SHANGHAI, "420106", new String[] {"027"}, "湖北省武汉市武昌区"),
            new Region(CN, "郑州", SHANGHAI, "410105", new String[] {"0371"}, "河南省郑州市金水区"),
            new Region(CN, "济南", SHANGHAI, "370102", new String[] {"0531"}, "山东省济南市历下区"),
            new Region(CN, "西安", SHANGHAI, "610113", new String[] {"029"}, "陕西省西安市雁塔区"),
            new Region(CN, "长沙", SHANGHAI, "430104", new String[] {"0731"}, "湖南省长沙市岳麓区"),
            new Region(CN, "厦门", SHANGHAI, "350203", new String[] {"0592"}, "福建省厦门市思明区"),
            new Region(CN, "重庆", SHANGHAI, "500103", new String[] {"023"}, "重庆市渝中区"),
    };

    /** Western China (Xinjiang, Asia/Urumqi local time). */
    static final Region[] CN_WEST = {
            new Region(CN, "乌鲁木齐", URUMQI, "650102", new String[] {"0991"}, "新疆维吾尔自治区乌鲁木齐市天山区"),
            new Region(CN, "喀什", URUMQI, "653101", new String[] {"0998"}, "新疆维吾尔自治区喀什地区喀什市"),
            new Region(CN, "伊宁", URUMQI, "654002", new String[] {"0999"}, "新疆维吾尔自治区伊犁哈萨克自治州伊宁市"),
    };

    static final Region[] US_EAST = {
            new Region(US, "NY", NEW_YORK, "100", new String[] {"212", "718", "917"}, "New York"),
            new Region(US, "NJ", NEW_YORK, "071", new String[] {"201", "973"}, "Newark"),
            new Region(US, "MA", NEW_YORK, "021", new String[] {"617"}, "Boston"),
            new Region(US, "PA", NEW_YORK, "191", new String[] {"215"}, "Philadelphia"),
            new Region(US, "FL", NEW_YORK, "331", new String[] {"305", "407"}, "Miami"),
            new Region(US, "GA", NEW_YORK, "303", new String[] {"404"}, "Atlanta"),
            new Region(US, "NC", NEW_YORK, "282", new String[] {"704"}, "Charlotte"),
            new Region(US, "OH", NEW_YORK, "432", new String[] {"614"}, "Columbus"),
    };

    static final Region[] US_WEST = {
            new Region(US, "CA", LOS_ANGELES, "900", new String[] {"213", "310", "415"}, "Los Angeles"),
            new Region(US, "WA", LOS_ANGELES, "981", new String[] {"206"}, "Seattle"),
            new Region(US, "OR", LOS_ANGELES, "972", new String[] {"503"}, "Portland"),
            new Region(US, "NV", LOS_ANGELES, "891", new String[] {"702"}, "Las Vegas"),
    };

    static final Region[] UK_ALL = {
            new Region(UK, "London", LONDON, "E", new String[] {"+442079460"}, "London"),
            new Region(UK, "Greater Manchester", LONDON, "M", new String[] {"+441614960"}, "Manchester"),
            new Region(UK, "West Midlands", LONDON, "B", new String[] {"+441214960"}, "Birmingham"),
            new Region(UK, "West Yorkshire", LONDON, "LS", new String[] {"+441134960"}, "Leeds"),
            new Region(UK, "Bristol", LONDON, "BS", new String[] {"+441174960"}, "Bristol"),
            new Region(UK, "Glasgow", LONDON, "G", new String[] {"+441414960"}, "Glasgow"),
    };

    /** A managed residential estate: property-fee accounts live in one of these. */
    record Community(Region region, String name, String portfolio, String creditor) {
    }

    static final Community[] COMMUNITIES = {
            new Community(CN_EAST[0], "阳光花园", "sunshine-garden", "示例物业服务有限公司"),
            new Community(CN_EAST[4], "翠湖苑", "garden-court", "Example Property Services"),
            new Community(CN_EAST[2], "锦绣家园", "jinxiu-homes", "示例物业服务有限公司"),
            new Community(CN_EAST[1], "滨江壹号", "riverside-one", "示例物业服务有限公司"),
            new Community(CN_EAST[6], "金色港湾", "golden-harbour", "Example Property Services"),
            new Community(CN_WEST[0], "天山雅苑", "tianshan-court", "示例物业服务有限公司"),
            new Community(US_EAST[0], "Maple Heights", "us-maple-heights-hoa", "Example HOA Management, Inc."),
            new Community(US_WEST[0], "Sunset Terrace", "us-sunset-terrace-hoa", "Example HOA Management, Inc."),
            new Community(UK_ALL[0], "The Maltings", "uk-the-maltings", "Example Estates Ltd t/a \"The Maltings\""),
            new Community(UK_ALL[3], "Canal Wharf", "uk-canal-wharf", "Example Estates Ltd"),
    };

    static final int[] CN_COMMUNITIES = {0, 1, 2, 3, 4, 5};
    static final int[] US_COMMUNITIES = {6, 7};
    static final int[] UK_COMMUNITIES = {8, 9};

    /** Creditor by [jurisdiction][product]. */
    static final String[][] CREDITORS = {
            {"示例消费金融有限公司", "示例银行信用卡中心", "示例饮料有限公司", null},
            {"Example Lending LLC", "Example Bank, N.A.", "Example Supply Co.", null},
            {"Example Finance Ltd", "Example Card Services plc", "Example Wholesale Ltd", null},
    };

    /** Chinese family names with pinyin, most common first. */
    static final String[] CN_FAMILY = {
            "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "高",
            "林", "罗", "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹", "彭", "曾", "肖", "田", "董", "潘",
            "袁", "蔡", "蒋", "余", "欧阳", "司马"};
    static final String[] CN_FAMILY_PINYIN = {
            "wang", "li", "zhang", "liu", "chen", "yang", "huang", "zhao", "wu", "zhou", "xu", "sun", "ma", "zhu", "hu",
            "guo", "he", "gao", "lin", "luo", "zheng", "liang", "xie", "song", "tang", "xu", "han", "feng", "deng", "cao",
            "peng", "zeng", "xiao", "tian", "dong", "pan", "yuan", "cai", "jiang", "yu", "ouyang", "sima"};

    static final String[] CN_GIVEN_M = {
            "伟", "强", "磊", "军", "洋", "勇", "杰", "涛", "明", "超", "刚", "平", "辉", "鹏", "华", "飞", "鑫", "波",
            "斌", "宇", "浩", "凯", "健", "俊", "帆", "旭", "宁", "龙", "林", "志", "建", "国"};
    static final String[] CN_GIVEN_M_PINYIN = {
            "wei", "qiang", "lei", "jun", "yang", "yong", "jie", "tao", "ming", "chao", "gang", "ping", "hui", "peng",
            "hua", "fei", "xin", "bo", "bin", "yu", "hao", "kai", "jian", "jun", "fan", "xu", "ning", "long", "lin",
            "zhi", "jian", "guo"};
    static final String[] CN_GIVEN_F = {
            "芳", "娜", "敏", "静", "丽", "艳", "娟", "霞", "燕", "玲", "英", "丹", "萍", "红", "琳", "洁", "梅", "莉",
            "婷", "雪", "慧", "颖", "倩", "琴", "云", "欣", "悦", "佳", "蕾", "晶"};
    static final String[] CN_GIVEN_F_PINYIN = {
            "fang", "na", "min", "jing", "li", "yan", "juan", "xia", "yan", "ling", "ying", "dan", "ping", "hong", "lin",
            "jie", "mei", "li", "ting", "xue", "hui", "ying", "qian", "qin", "yun", "xin", "yue", "jia", "lei", "jing"};

    /** Uyghur personal names (given · father's name), used for some parties in Xinjiang. */
    static final String[] UY_GIVEN_M = {"艾力", "买买提", "阿不都", "吐尔逊", "依明", "努尔"};
    static final String[] UY_GIVEN_M_PINYIN = {"aili", "maimaiti", "abudu", "tuerxun", "yiming", "nuer"};
    static final String[] UY_GIVEN_F = {"阿依古丽", "古丽娜尔", "热依拉", "迪丽拜尔", "帕提古丽"};
    static final String[] UY_GIVEN_F_PINYIN = {"ayiguli", "gulinaer", "reyila", "dilibaier", "patiguli"};
    static final String[] UY_FATHER = {"艾山", "吾斯曼", "阿布拉", "库尔班", "热合曼", "买买提"};

    static final String[] EN_FIRST_M = {
            "James", "John", "Robert", "Michael", "David", "William", "Richard", "Joseph", "Thomas", "Daniel", "Matthew",
            "Anthony", "Mark", "Steven", "Paul", "Andrew", "Joshua", "Kevin", "Brian", "George", "Oliver", "Harry",
            "Jack", "Noah"};
    static final String[] EN_FIRST_F = {
            "Mary", "Patricia", "Jennifer", "Linda", "Elizabeth", "Barbara", "Susan", "Jessica", "Sarah", "Karen",
            "Emily", "Emma", "Olivia", "Sophie", "Amelia", "Grace", "Chloe", "Hannah", "Laura", "Rachel"};
    static final String[] EN_LAST = {
            "Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis", "Rodriguez", "Martinez",
            "Hernandez", "Lopez", "Wilson", "Anderson", "Taylor", "Thomas", "Moore", "Jackson", "Martin", "Lee",
            "Walker", "Hall", "Allen", "Young", "King", "Wright", "Scott", "Green", "Baker", "Adams", "Nelson", "Hill",
            "Campbell", "Evans", "Roberts", "Patel", "Khan", "O'Brien", "Murphy", "Kelly"};

    static final String[] CN_BRANDS = {"恒达", "鑫源", "华盛", "永信", "宏图", "瑞丰", "金桥", "同创", "利民", "顺发"};
    static final String[] CN_BRANDS_PINYIN = {
            "hengda", "xinyuan", "huasheng", "yongxin", "hongtu", "ruifeng", "jinqiao", "tongchuang", "limin", "shunfa"};
    /** Trades of dealers (B2B debtors). */
    static final String[] CN_TRADES = {"商贸", "食品", "建材", "电器", "饮料", "汽配", "日化", "农资"};
    /** Trades of employers. */
    static final String[] CN_EMPLOYER_TRADES = {"科技", "制造", "物流", "建设", "餐饮", "医药", "教育咨询", "电子"};
    static final String[] EN_TRADES = {"Supply", "Trading", "Distributors", "Wholesale", "Foods", "Hardware"};
    static final String[] EN_EMPLOYER_TRADES = {"Logistics", "Manufacturing", "Health", "Software", "Construction",
            "Retail"};

    static final String[] CN_STREETS = {"中山路", "人民路", "解放路", "建设路", "和平路", "文化路", "新华路", "长江路",
            "黄河路", "学府路", "科技路", "滨江路"};
    static final String[] EN_STREETS = {"Oak", "Maple", "Cedar", "Pine", "Elm", "Washington", "Lake", "Hill", "Park",
            "Main", "Sunset", "Highland", "Mill", "Church", "Station", "Victoria"};
    static final String[] US_SUFFIX = {"St", "Ave", "Rd", "Blvd", "Ln", "Dr"};
    static final String[] UK_SUFFIX = {"Road", "Street", "Lane", "Close", "Avenue", "Gardens"};

    static final String[] CN_MOBILE_PREFIX = {"130", "131", "132", "133", "135", "136", "137", "138", "139", "150",
            "151", "152", "153", "155", "156", "157", "158", "159", "166", "176", "177", "180", "181", "182", "183",
            "185", "186", "187", "188", "189", "198", "199"};

    static final String[] EMAIL_DOMAINS = {"example.com", "example.net", "example.org"};

    /** Payment channels (contract §2) with weights per jurisdiction group: CN, then US/UK. */
    static final String[] PAYMENT_CHANNELS = {"WECHAT", "ALIPAY", "BANK_TRANSFER", "CARD", "CASH_AT_BRANCH", "OTHER"};
    static final int[] CN_CHANNEL_WEIGHTS = {30, 30, 25, 8, 3, 4};
    static final int[] WEST_CHANNEL_WEIGHTS = {0, 0, 45, 45, 4, 6};
    static final String[] REFERENCE_PREFIX = {"wx-", "ali-", "bt-", "card-", "br-", "oth-"};

    static final String[] OCCUPATIONS = {"WHITE_COLLAR", "WORKER", "SME_OWNER", "RETIREE", "STUDENT", "OTHER"};
    static final int[] OCCUPATION_WEIGHTS = {35, 25, 15, 10, 7, 8};
    static final int WHITE_COLLAR = 0;
    static final int WORKER = 1;
    static final int SME_OWNER = 2;
    static final int RETIREE = 3;
    static final int STUDENT = 4;

    /** Picks an index by integer weights. */
    static int weighted(java.util.SplittableRandom r, int[] weights) {
        int total = 0;
        for (int w : weights) {
            total += w;
        }
        int x = r.nextInt(total);
        for (int i = 0; i < weights.length; i++) {
            x -= weights[i];
            if (x < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }
}
