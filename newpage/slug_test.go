package newpage

import "testing"

func TestSlug(t *testing.T) {
	tests := []struct{ title, want string }{
		{"紅色黨課", "hongse-dangke"},
		{"红色党课", "hongse-dangke"},
		{"道德讲堂", "daode-jiangtang"},
		{"黨支部", "dangzhibu"},                     // an odd run puts its last character with the word before it
		{"警示教育大会", "jingshi-jiaoyu-dahui"},       // two characters a word
		{"党委书记讲党课", "dangwei-shuji-jiangdangke"}, // and three at the end
		{"学", "xue"},
		{"「两学一做」学习 #1", "liangxue-yizuo-xuexi-1"}, // punctuation and spaces end a word
		{"2016年度报告", "2016-niandu-baogao"},        // so does a change from digits to Chinese
		{"G20峰会", "g20-fenghui"},
		{"２０１７年ＰＰＴ", "2017-nian-ppt"}, // full-width digits and letters as ASCII
		{"二〇一七", "erling-yiqi"},
		{"绿色女性", "lvse-nvxing"}, // ü as v
		{"重庆", "zhongqing"},     // a polyphonic character's commonest reading, whatever its neighbours
		{"Party Day", "party-day"},
		{"Café Dǎngkè", "cafe-dangke"}, // accents and tone marks dropped
		{"Ωmega", "mega"},              // a letter outside ASCII ends a word
		{"紅色黨課走進屈吳山紅軍革命紀念館", "hongse-dangke-zoujin-quwu"}, // the first four words
		{"一 二 三 四 五", "yi-er-san-si"},
		{"！！！", ""},
		{"……", ""},
		{"𠀀", ""}, // a character outside the table
		{"", ""},
	}
	for _, tt := range tests {
		if got := slug(tt.title); got != tt.want {
			t.Errorf("slug(%q) = %q, want %q", tt.title, got, tt.want)
		}
	}
}
