// A few more demo articles, so every read of the portal contract shows something
// on a fresh install: some featured, in other categories. Written for the demo;
// the first article of the demo comes from the fixture page through the importer.
export interface DemoArticle {
  section: { name: string; slug: string; description: string };
  title: string;
  summary: string;
  paragraphs: string[];
  publishedAt: string;
  byline: string;
  featured: boolean;
  articleType: string;
  viewCount: number;
}

export const DEMO_ARTICLES: DemoArticle[] = [
  {
    section: { name: "Tin tức sự kiện", slug: "tin-tuc-su-kien", description: "Tin tức, sự kiện của thị xã" },
    title: "Thị xã Kiến Tường ra quân thực hiện Tết trồng cây đời đời nhớ ơn Bác Hồ",
    summary: "Hơn 5.000 cây xanh được trồng mới dọc các tuyến đường và khu dân cư trên địa bàn thị xã.",
    paragraphs: [
      "Sáng ngày 10/02/2020, Thị ủy, UBND thị xã Kiến Tường tổ chức lễ phát động Tết trồng cây đời đời nhớ ơn Bác Hồ.",
      "Lãnh đạo thị xã đề nghị các phường, xã tiếp tục chăm sóc cây sau khi trồng, bảo đảm tỷ lệ cây sống trên 90%.",
    ],
    publishedAt: "2020-02-10T09:30:00+07:00",
    byline: "Minh Tâm",
    featured: true,
    articleType: "Tin",
    viewCount: 86,
  },
  {
    section: { name: "Kinh tế", slug: "kinh-te", description: "Kinh tế, nông nghiệp, thương mại - dịch vụ" },
    title: "Đà Nẵng và Kiến Tường trao đổi kinh nghiệm phát triển du lịch sinh thái",
    summary: "Đoàn công tác thị xã Kiến Tường làm việc với Sở Du lịch thành phố Đà Nẵng về mô hình du lịch cộng đồng.",
    paragraphs: [
      "Trong chuyến công tác, đoàn đã tham quan các mô hình du lịch cộng đồng tiêu biểu tại Đà Nẵng.",
      "Thị xã Kiến Tường sẽ nghiên cứu áp dụng cho khu du lịch sinh thái Đồng Tháp Mười.",
    ],
    publishedAt: "2020-03-05T15:00:00+07:00",
    byline: "Thanh Hòa",
    featured: true,
    articleType: "Tin",
    viewCount: 42,
  },
  {
    section: { name: "Văn hóa - Xã hội", slug: "van-hoa-xa-hoi", description: "Văn hóa, giáo dục, y tế" },
    title: "Hội thi văn nghệ quần chúng chào mừng Đại hội Đảng bộ thị xã",
    summary: "12 đội văn nghệ đến từ các phường, xã tham gia hội thi với nhiều tiết mục đặc sắc.",
    paragraphs: [
      "Hội thi diễn ra trong hai ngày tại Trung tâm Văn hóa - Thể thao thị xã.",
      "Ban tổ chức trao giải nhất cho đội văn nghệ phường 1 với tiết mục hát múa về quê hương.",
    ],
    publishedAt: "2020-04-18T08:00:00+07:00",
    byline: "Hoài Phương",
    featured: false,
    articleType: "Phóng sự",
    viewCount: 31,
  },
  {
    section: { name: "Thông báo", slug: "thong-bao", description: "Thông báo của UBND thị xã" },
    title: "Thông báo lịch tiếp công dân định kỳ của Chủ tịch UBND thị xã",
    summary: "Chủ tịch UBND thị xã tiếp công dân vào ngày 15 hằng tháng tại Trụ sở Tiếp công dân.",
    paragraphs: [
      "Công dân có nhu cầu phản ánh, kiến nghị vui lòng mang theo giấy tờ tùy thân và hồ sơ liên quan.",
      "Trường hợp ngày 15 trùng ngày nghỉ, lịch tiếp công dân được dời sang ngày làm việc kế tiếp.",
    ],
    publishedAt: "2020-05-02T07:30:00+07:00",
    byline: "Văn phòng HĐND và UBND",
    featured: false,
    articleType: "Thông báo",
    viewCount: 19,
  },
];
